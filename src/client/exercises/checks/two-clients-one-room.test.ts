import { test } from 'node:test';
import assert from 'node:assert/strict';
import { twoClientsOneRoom } from './two-clients-one-room.ts';
import { connecting, frame, logLine, serverFrame } from './fixtures.ts';

const join = (socket: number, room: string) => connecting(socket, socket, `ws://localhost:4321/ws/room/${room}?trace=t-${socket}`);
const lobby = '/ws/room/lobby';
const members = [join(1, 'lobby'), join(2, 'lobby')];

test('the solution passes: the server received alice’s message and sent it to bob', () => {
  const events = [...members, frame('send', 1, 5, 'hi all'), serverFrame(1, 6, 'in', 'text', lobby, 6, 'hi all'), serverFrame(2, 7, 'out', 'text', lobby, 6, 'hi all'), frame('message', 2, 8, 'hi all')];
  assert.deepEqual(twoClientsOneRoom(events), { passed: true, message: 'the server received socket #1\'s "hi all" and relayed it to socket #2 in room lobby.' });
});

test('the starter fails: two sockets in different rooms are named in the message', () => {
  assert.match(twoClientsOneRoom([join(1, 'red'), join(2, 'blue')]).message, /different rooms \(red, blue\)/);
});

test('cheat: log lines that claim bob received alice’s message, with nothing on the wire, fail', () => {
  const events = [...members, logLine(5, 'alice sent: hi all'), logLine(6, 'bob received: hi all')];
  assert.match(twoClientsOneRoom(events).message, /the server has received no message yet/);
});

test('cheat: each socket talks in its own room: the server relays nothing between them', () => {
  const events = [join(1, 'cheat-a'), join(2, 'cheat-b'), serverFrame(1, 5, 'in', 'text', '/ws/room/cheat-a', 2, 'hi')];
  assert.match(twoClientsOneRoom(events).message, /different rooms/);
});

test('cheat: sending before bob joined: the server got it but had nobody to relay it to', () => {
  const events = [...members, serverFrame(1, 5, 'in', 'text', lobby, 2, 'hi')];
  assert.match(twoClientsOneRoom(events).message, /had no other member of \/ws\/room\/lobby/);
});

test('an echo to the sender itself is not a relay', () => {
  const events = [...members, serverFrame(1, 5, 'in', 'text', lobby, 2, 'hi'), serverFrame(1, 6, 'out', 'text', lobby, 2, 'hi')];
  assert.equal(twoClientsOneRoom(events).passed, false);
});

test('a message the server sent in another room (by another user) does not count', () => {
  const events = [...members, serverFrame(1, 5, 'in', 'text', lobby, 2, 'hi'), serverFrame(2, 6, 'out', 'text', '/ws/room/elsewhere', 2, 'hi')];
  assert.equal(twoClientsOneRoom(events).passed, false);
});

test('sockets on other endpoints do not count as members', () => {
  const events = [connecting(1, 0, 'ws://localhost:4321/ws/echo'), join(2, 'lobby')];
  assert.match(twoClientsOneRoom(events).message, /1 of 2 sockets/);
});
