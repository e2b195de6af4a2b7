import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { lanAddresses, lanOrigins } from './lan.ts';

/** A request as the http server hands it over, reduced to the bound address lanOrigins reads. */
const arrivedAt = (address: string, port: number) =>
  ({ socket: { server: { address: () => ({ address, port, family: 'IPv4' }) } } }) as unknown as IncomingMessage;

test('a server on all interfaces is reachable at every LAN address of the machine', () => {
  assert.deepEqual(lanOrigins(arrivedAt('0.0.0.0', 4321)), lanAddresses().map((address) => `http://${address}:4321`));
});

test('a server bound to one address is reachable there only; on loopback, by nobody else', () => {
  assert.deepEqual(lanOrigins(arrivedAt('192.168.1.20', 8080)), ['http://192.168.1.20:8080']);
  assert.deepEqual(lanOrigins(arrivedAt('127.0.0.1', 4321)), []);
  assert.deepEqual(lanOrigins(arrivedAt('::1', 4321)), []);
});
