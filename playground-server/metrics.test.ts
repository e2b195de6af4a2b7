import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Metrics, renderPrometheus } from './metrics.ts';

test('metrics render as Prometheus text with HELP, TYPE and escaped labels', () => {
  const metrics = new Metrics();
  metrics.endpoint('echo').messagesIn += 3;
  metrics.drop('slow_consumer');
  metrics.reject(403, 'origin');
  metrics.reject(403, 'origin');
  const text = renderPrometheus([
    ...metrics.samples(),
    { name: 'x_total', help: 'quoted', type: 'counter', values: [{ labels: { v: 'a"b\\c' }, value: 1 }] },
  ]);
  assert.match(text, /^# HELP duplex_connections Open WebSocket connections\.\n# TYPE duplex_connections gauge\n/);
  assert.match(text, /\nduplex_messages_total\{endpoint="echo",direction="in"\} 3\n/);
  assert.match(text, /\nduplex_drops_total\{reason="slow_consumer"\} 1\n/);
  assert.match(text, /\nduplex_rejections_total\{status="403",reason="origin"\} 2\n/);
  assert.match(text, /\nx_total\{v="a\\"b\\\\c"\} 1\n$/);
});
