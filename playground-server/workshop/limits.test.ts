import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkshopLimits, limitEnvName, loadWorkshopLimits } from './limits.ts';

test('workshop limits default to workshop sizes', () => {
  assert.equal(defaultWorkshopLimits.maxAttendees, 500);
  assert.deepEqual(loadWorkshopLimits({}), defaultWorkshopLimits);
});

test('each limit is set by a WORKSHOP_ environment variable', () => {
  assert.equal(limitEnvName('maxAttendees'), 'WORKSHOP_MAX_ATTENDEES');
  const limits = loadWorkshopLimits({ WORKSHOP_MAX_ATTENDEES: '40', WORKSHOP_POSTS_PER_MINUTE: '3' });
  assert.equal(limits.maxAttendees, 40);
  assert.equal(limits.postsPerMinute, 3);
});

test('a bad limit stops start-up with a message naming the variable', () => {
  assert.throws(
    () => loadWorkshopLimits({ WORKSHOP_MAX_ROOMS: 'many', WORKSHOP_MESSAGE_LENGTH: '5000' }),
    { message: 'invalid workshop limits:\n  WORKSHOP_MAX_ROOMS: must be a number\n  WORKSHOP_MESSAGE_LENGTH: must be at most 1000' },
  );
});
