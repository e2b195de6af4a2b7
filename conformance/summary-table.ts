import type { Report } from './report.ts';

/** The plain-text table the CLI prints: one row per case, why each non-passing case did not pass, then the totals. */
export function summaryTable(report: Report): string {
  const rows = report.cases.map((c) => [c.id, clip(c.title, 64), c.verdict.toUpperCase(), String(c.durationMs)]);
  const header = ['case', 'title', 'verdict', 'ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const { pass, nonStrict, fail } = report.summary;
  // The reason is what a learner needs to fix their server, so the cases that did not pass get theirs.
  const reasons = report.cases.filter((c) => c.verdict !== 'pass').map((c) => `${c.id} ${c.verdict}: ${clip(c.reason, 240)}`);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(reasons.length > 0 ? ['', ...reasons] : []),
    '',
    `${report.cases.length} cases in ${(report.durationMs / 1000).toFixed(1)} s: ${pass} pass, ${nonStrict} non-strict, ${fail} fail`,
  ].join('\n');
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
