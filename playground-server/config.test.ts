import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, helpText, loadConfig } from './config.ts';

test('defaults suit a single laptop', () => {
  assert.deepEqual(loadConfig([], {}), { port: 4321, host: 'localhost', siteDir: 'dist' });
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
  for (const needle of ['--port', 'PORT', '4321', '--host', 'HOST', '--site-dir']) assert.ok(help.includes(needle), needle);
});
