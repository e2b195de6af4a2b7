import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { originAllowed } from './origin-policy.ts';

const request = (host: string, origin?: string) =>
  ({ headers: origin === undefined ? { host } : { host, origin } }) as unknown as IncomingMessage;

test('origins allowed by default: none, same origin, localhost on any port', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['192.168.1.5:4321', undefined, true],
    ['192.168.1.5:4321', 'http://192.168.1.5:4321', true],
    ['192.168.1.5:4321', 'http://localhost:3000', true],
    ['192.168.1.5:4321', 'http://127.0.0.1:9', true],
    ['192.168.1.5:4321', 'http://[::1]:8080', true],
    ['192.168.1.5:4321', 'https://evil.example', false],
    ['192.168.1.5:4321', 'http://192.168.1.5:9999', false],
    ['192.168.1.5:4321', 'null', false],
    ['192.168.1.5:4321', 'file://', false],
  ];
  for (const [host, origin, expected] of cases) assert.equal(originAllowed(request(host, origin), []), expected, `${origin} on ${host}`);
});

test('configured origins and * widen the list', () => {
  assert.equal(originAllowed(request('ws.example.org', 'https://course.example.org'), ['https://course.example.org']), true);
  assert.equal(originAllowed(request('ws.example.org', 'https://other.example.org'), ['https://course.example.org']), false);
  assert.equal(originAllowed(request('ws.example.org', 'https://anything.example'), ['*']), true);
});
