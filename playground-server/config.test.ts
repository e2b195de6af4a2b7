import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, helpText, loadConfig } from './config.ts';

test('defaults suit a single laptop', () => {
  const config = loadConfig([], {});
  assert.deepEqual(
    { port: config.port, host: config.host, siteDir: config.siteDir, allowedOrigins: config.allowedOrigins },
    { port: 4321, host: 'localhost', siteDir: 'dist', allowedOrigins: [] },
  );
  assert.equal(config.maxPayload, 65536);
  assert.equal(config.rateLimit, 100);
});

test('flags win over environment variables', () => {
  const config = loadConfig(['--port', '9000', '--host=0.0.0.0'], { PORT: '8000', HOST: '127.0.0.1' });
  assert.equal(config.port, 9000);
  assert.equal(config.host, '0.0.0.0');
});

test('environment variables are read', () => {
  assert.equal(loadConfig([], { PORT: '8080' }).port, 8080);
});

test('a bad port names the setting and the rule', () => {
  for (const bad of ['abc', '70000', '-1', '12.5']) {
    assert.throws(() => loadConfig([], { PORT: bad }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /--port \/ PORT: must be/);
      return true;
    });
  }
});

test('an unknown flag or a missing value is refused with a hint', () => {
  assert.throws(() => loadConfig(['--prot', '1'], {}), /unknown option "--prot" \(see --help\)/);
  assert.throws(() => loadConfig(['--port'], {}), /option --port needs a value/);
});

test('--help lists every setting with its env variable and default', () => {
  const help = helpText();
  const needles = ['--port', 'PORT', '4321', '--host', 'HOST', '--site-dir', '--allowed-origins', 'DUPLEX_ALLOWED_ORIGINS', '--max-connections',
    '--max-payload', '--rate-limit', '--rate-burst', '--send-buffer', '--heartbeat-ms', '--long-poll-timeout-ms', '--feed-interval-ms', '--chat-history'];
  for (const needle of needles) assert.ok(help.includes(needle), needle);
});

test('limits are validated with the flag, the env variable and the allowed range', () => {
  assert.throws(() => loadConfig(['--max-payload', '0'], {}), /--max-payload \/ DUPLEX_MAX_PAYLOAD: must be between 16 and/);
  assert.throws(() => loadConfig([], { DUPLEX_RATE_LIMIT: 'lots' }), /--rate-limit \/ DUPLEX_RATE_LIMIT: must be a number/);
  assert.throws(() => loadConfig(['--allowed-origins', 'evil'], {}), /--allowed-origins \/ DUPLEX_ALLOWED_ORIGINS: each origin must look like/);
  assert.deepEqual(loadConfig([], { DUPLEX_ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080' }).allowedOrigins, [
    'https://a.example',
    'http://b.example:8080',
  ]);
  assert.equal(loadConfig(['--heartbeat-ms=50'], {}).heartbeatMs, 50);
});

test('lab limits are settings too: --lab-connections / LAB_CONNECTIONS, validated with their range', () => {
  assert.equal(loadConfig([], {}).lab.connections, 8);
  assert.equal(loadConfig(['--lab-connections', '3'], { LAB_CONNECTIONS: '5' }).lab.connections, 3);
  assert.equal(loadConfig([], { LAB_IDLE_MS: '500' }).lab.idleMs, 500);
  assert.throws(() => loadConfig(['--lab-bytes-per-second', '10'], {}), /--lab-bytes-per-second \/ LAB_BYTES_PER_SECOND: must be at least 1024/);
  assert.ok(helpText().includes('--lab-per-origin'));
});

test('a largest message bigger than the send buffer is refused at start-up, naming both settings', () => {
  assert.throws(() => loadConfig(['--max-payload', '2000000', '--send-buffer', '1048576'], {}), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /--max-payload \/ DUPLEX_MAX_PAYLOAD.*must not be more than --send-buffer \(1048576\): an echo of a message that big would drop its own sender/);
    return true;
  });
  assert.equal(loadConfig(['--max-payload', '1048576', '--send-buffer', '1048576'], {}).maxPayload, 1048576);
});

test('the lab tunnel is on by default; --no-lab, --lab off or DUPLEX_LAB=off turn it off; other values are refused', () => {
  assert.equal(loadConfig([], {}).labTunnel, true);
  assert.equal(loadConfig(['--no-lab'], {}).labTunnel, false);
  assert.equal(loadConfig(['--lab', 'off'], {}).labTunnel, false);
  assert.equal(loadConfig([], { DUPLEX_LAB: 'off' }).labTunnel, false);
  assert.equal(loadConfig(['--lab=on'], { DUPLEX_LAB: 'off' }).labTunnel, true, 'the flag wins');
  assert.throws(() => loadConfig([], { DUPLEX_LAB: 'maybe' }), /--lab \/ DUPLEX_LAB: must be on or off/);
  assert.match(helpText(), /--lab +DUPLEX_LAB +the lab tunnel .*--no-lab = --lab off \(default: true\)/);
});

test('a scaling-demo peer needs Redis and must be an origin; with both it is read', () => {
  assert.throws(() => loadConfig(['--demo-peer', 'http://localhost:4322'], {}), /--demo-peer \/ DUPLEX_DEMO_PEER: needs --redis/);
  assert.throws(() => loadConfig(['--redis', 'redis://127.0.0.1:6379'], { DUPLEX_DEMO_PEER: 'localhost:4322' }), /DUPLEX_DEMO_PEER: must look like http:\/\/host:port/);
  const config = loadConfig(['--redis', 'redis://127.0.0.1:6379', '--demo-peer', 'http://10.0.0.6:4321'], {});
  assert.equal(config.demoPeer, 'http://10.0.0.6:4321');
});
