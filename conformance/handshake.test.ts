import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concat, utf8 } from './bytes.ts';
import { acceptFor, handshakeProblems, newKey, readResponseHead, upgradeRequest } from './handshake.ts';
import { parseTarget, type Target } from './target.ts';

test('Sec-WebSocket-Accept matches the worked example of RFC 6455 §1.3', async () => {
  assert.equal(await acceptFor('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  assert.notEqual(newKey(), newKey());
  assert.equal(atob(newKey()).length, 16);
});

test('the request is a proper Upgrade with the target’s own Origin', () => {
  const target = parseTarget('ws://localhost:8080/ws/echo?x=1') as Target;
  const text = new TextDecoder().decode(upgradeRequest(target, 'k'));
  assert.match(text, /^GET \/ws\/echo\?x=1 HTTP\/1\.1\r\nHost: localhost:8080\r\n/);
  assert.match(text, /\r\nOrigin: http:\/\/localhost:8080\r\n\r\n$/);
  assert.match(text, /\r\nSec-WebSocket-Version: 13\r\n/);
});

test('the response head is found however it is split, and frames after it are kept', () => {
  const head = utf8('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n\r\n');
  assert.equal(readResponseHead(head.subarray(0, head.length - 1)), null);
  const parsed = readResponseHead(concat([head, Uint8Array.of(0x81, 0)]));
  assert.ok(parsed && 'response' in parsed);
  assert.equal(parsed.response.status, 101);
  assert.deepEqual(parsed.rest, Uint8Array.of(0x81, 0));
  assert.deepEqual(readResponseHead(utf8('SSH-2.0-OpenSSH\r\n\r\n')), { error: 'not an HTTP/1.1 status line: "SSH-2.0-OpenSSH"' });
});

test('every §4.1 reason to refuse the response is reported', () => {
  const good = { status: 101, statusLine: 'HTTP/1.1 101 Switching Protocols', headers: { upgrade: 'WebSocket', connection: 'Upgrade', 'sec-websocket-accept': 'A' } };
  assert.deepEqual(handshakeProblems(good, 'A'), []);
  const bad = { status: 200, statusLine: 'HTTP/1.1 200 OK', headers: { 'sec-websocket-accept': 'B', 'sec-websocket-extensions': 'permessage-deflate' } };
  const problems = handshakeProblems(bad, 'A');
  assert.equal(problems.length, 5);
  assert.match(problems.join('\n'), /200 OK[\s\S]*Upgrade[\s\S]*Connection[\s\S]*"B", expected "A"[\s\S]*permessage-deflate/);
});

test('targets: ws only, with clear words for wss and non-URLs', () => {
  assert.deepEqual(parseTarget('ws://[::1]/'), { url: 'ws://[::1]/', hostname: '::1', port: 80, host: '[::1]', resource: '/', origin: 'http://[::1]' });
  assert.match((parseTarget('wss://example.org/') as { error: string }).error, /wss:\/\/ is not supported/);
  assert.match((parseTarget('http://example.org/') as { error: string }).error, /must start with ws:\/\//);
  assert.match((parseTarget('localhost:8080') as { error: string }).error, /must start with ws:\/\/|is not a URL/);
  assert.match((parseTarget('nonsense') as { error: string }).error, /is not a URL/);
});
