import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config.ts';
import { defaultWorkshopLimits } from './limits.ts';

test('workshop limits default to workshop sizes', () => {
  assert.equal(defaultWorkshopLimits.maxAttendees, 500);
  assert.deepEqual(loadConfig([], {}).workshop, defaultWorkshopLimits);
});

test('each limit is set by a WORKSHOP_ environment variable or a --workshop- flag', () => {
  const limits = loadConfig(['--workshop-posts-per-minute', '3'], { WORKSHOP_MAX_ATTENDEES: '40' }).workshop;
  assert.equal(limits.maxAttendees, 40);
  assert.equal(limits.postsPerMinute, 3);
});

test('a bad limit stops start-up with a message naming the variable', () => {
  assert.throws(
    () => loadConfig([], { WORKSHOP_MAX_ROOMS: 'many', WORKSHOP_MESSAGE_LENGTH: '5000' }),
    {
      message:
        'invalid configuration:\n  --workshop-max-rooms / WORKSHOP_MAX_ROOMS: must be a number (got "many")\n' +
        '  --workshop-message-length / WORKSHOP_MESSAGE_LENGTH: must be at most 1000 (got "5000")',
    },
  );
});
