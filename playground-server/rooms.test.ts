import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryRooms, type RoomMessage } from './rooms.ts';

test('a published message reaches the room once, with the sender excluded, and no other room', () => {
  const deliveries: { members: string[]; text: string; except?: string }[] = [];
  const rooms = memoryRooms<string>((members, message: RoomMessage, except) =>
    deliveries.push({ members: [...members], text: String(message.data), ...(except ? { except } : {}) }),
  );
  rooms.join('a', 'ann');
  rooms.join('a', 'bob');
  rooms.join('b', 'cy');
  rooms.publish('a', { data: 'hi', isBinary: false }, 'ann');
  assert.deepEqual(deliveries, [{ members: ['ann', 'bob'], text: 'hi', except: 'ann' }]);
});

test('leaving empties a room and publishing to an empty room delivers nothing', () => {
  let calls = 0;
  const rooms = memoryRooms<string>(() => calls++);
  rooms.join('a', 'ann');
  rooms.leave('a', 'ann');
  rooms.leave('nowhere', 'ann');
  rooms.publish('a', { data: 'hi', isBinary: false });
  assert.equal(calls, 0);
  assert.equal(rooms.members('a').size, 0);
});
