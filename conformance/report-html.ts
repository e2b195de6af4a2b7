import type { Report } from './report.ts';
import type { CaseResult } from './runner.ts';
import { caseText } from './case-text.ts';

/**
 * The report as one self-contained HTML file: inline styles, no script, no external asset,
 * so it can be opened from disk, mailed or attached to CI. Every value from the server (or
 * the URL) is escaped: a hostile server must not be able to inject markup.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const style = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1b1b1f; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
td.ms { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: #0a6b2d; } .non-strict { color: #8a5a00; } .fail { color: #b00020; font-weight: 600; }
details { margin: .5rem 0; } summary { cursor: pointer; }
pre { background: #f5f5f7; padding: .5rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
`;

export function renderHtml(report: Report): string {
  const e = escapeHtml;
  const { pass, nonStrict, fail } = report.summary;
  const rows = report.cases
    .map((c) => `<tr><td><a href="#case-${e(c.id)}">${e(c.id)}</a></td><td>${e(c.title)}</td><td>${e(c.rfc)}</td><td class="${c.verdict}">${e(c.verdict)}</td><td class="ms">${c.durationMs}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WebSocket conformance: ${e(report.target)}</title>
<style>${style}</style>
</head>
<body>
<h1>WebSocket conformance report</h1>
<p>Target <code>${e(report.target)}</code>, started ${e(report.startedAt)}, ${report.durationMs} ms, ${report.timeoutMs} ms per wait.</p>
<p><strong><span class="pass">${pass} pass</span>, <span class="non-strict">${nonStrict} non-strict</span>, <span class="fail">${fail} fail</span></strong> of ${report.cases.length} cases.</p>
<table>
<thead><tr><th>case</th><th>title</th><th>RFC 6455</th><th>verdict</th><th>ms</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Cases</h2>
${report.cases.map(renderCase).join('\n')}
</body>
</html>
`;
}

function renderCase(c: CaseResult): string {
  const e = escapeHtml;
  const { handshake, tcp, sent, received } = caseText(c);
  return `<details id="case-${e(c.id)}"${c.verdict === 'fail' ? ' open' : ''}>
<summary><strong>${e(c.id)}</strong> ${e(c.title)} — <span class="${c.verdict}">${e(c.verdict)}</span></summary>
<p><strong>Requires</strong> (${e(c.rfc)}): ${e(c.requirement)}</p>
<p><strong>Verdict</strong>: ${e(c.reason)}</p>
<p><strong>Handshake</strong>: ${e(handshake)}. ${e(tcp)}.</p>
<p><strong>Sent</strong></p>
<pre>${e(sent)}</pre>
<p><strong>Received</strong></p>
<pre>${e(received)}</pre>
</details>`;
}
