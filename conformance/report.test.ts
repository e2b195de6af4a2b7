import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from './report.ts';
import { renderHtml } from './report-html.ts';
import type { CaseResult } from './runner.ts';
import { summaryTable } from './summary-table.ts';

const hostile = '<script>alert("x")</script>';

function result(id: string, verdict: CaseResult['verdict']): CaseResult {
  return {
    id,
    title: `title ${hostile}`,
    rfc: '§5.2',
    requirement: 'echo',
    verdict,
    reason: `reply 1 is text ${hostile}`,
    durationMs: 3,
    handshake: { status: 101, headers: {}, problems: [], ms: 1 },
    sent: [{ atMs: 1, frames: ['text FIN rsv=000 masked key=01 02 03 04 5 bytes'], bytes: 11, wire: '81 85 01 02 03 04' }],
    received: [{ atMs: 2, opcode: 'text', fin: true, rsv: 0, masked: false, payloadLength: 5, preview: hostile }],
    tcpClosed: { atMs: 3, by: 'server' },
  };
}

const report = buildReport(`ws://h/${hostile}`, new Date(0), 12.4, 2000, [result('1.1.1', 'pass'), result('6.3.1', 'non-strict'), result('7.3.1', 'fail')]);

test('the JSON report is version 1 with counts per verdict', () => {
  assert.deepEqual(
    { version: report.version, startedAt: report.startedAt, durationMs: report.durationMs, summary: report.summary },
    { version: 1, startedAt: '1970-01-01T00:00:00.000Z', durationMs: 12, summary: { pass: 1, nonStrict: 1, fail: 1 } },
  );
});

test('the HTML report escapes everything the server or the user supplied and loads nothing', () => {
  const html = renderHtml(report);
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /\b(src|href)="(?!#)/, 'no external asset');
  assert.match(html, /<details id="case-7\.3\.1" open>/, 'failures are open');
});

test('the summary table explains every case that did not pass', () => {
  const table = summaryTable(report);
  assert.match(table, /^6\.3\.1 non-strict: reply 1 is text/m);
  assert.match(table, /^7\.3\.1 fail: /m);
  assert.doesNotMatch(table, /^1\.1\.1 pass:/m);
  assert.match(table, /3 cases in 0\.0 s: 1 pass, 1 non-strict, 1 fail$/);
});
