import { test } from 'node:test';
import assert from 'node:assert/strict';
import { twoClientsOneRoom } from './two-clients-one-room.ts';
import { connecting, frame } from './fixtures.ts';

const join = (socket: number, room: string) => connecting(socket, socket, `ws://localhost:4321/ws/room/${room}?trace=t-${socket}`);

test('a message from one member reaches the other: passed', () => {
  const events = [join(1, 'lobby'), join(2, 'lobby'), frame('send', 1, 5, 'hi all'), frame('message', 2, 6, 'hi all')];
  assert.deepEqual(twoClientsOneRoom(events), { passed: true, message: 'socket #1\'s "hi all" reached the other member of room lobby.' });
});

test('two sockets in different rooms are named in the message', () => {
  assert.match(twoClientsOneRoom([join(1, 'red'), join(2, 'blue')]).message, /different rooms \(red, blue\)/);
});

test('an echo to the sender itself is not a relay', () => {
  const events = [join(1, 'lobby'), join(2, 'lobby'), frame('send', 1, 5, 'hi'), frame('message', 1, 6, 'hi')];
  assert.equal(twoClientsOneRoom(events).passed, false);
});

test('sockets on other endpoints do not count as members', () => {
  const events = [connecting(1, 0, 'ws://localhost:4321/ws/echo'), join(2, 'lobby')];
  assert.match(twoClientsOneRoom(events).message, /1 of 2 sockets/);
});
