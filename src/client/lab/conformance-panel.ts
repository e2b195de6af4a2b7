import type { CaseResult } from '../../../conformance/runner.ts';
import { caseText } from '../../../conformance/case-text.ts';
import { renderHtml } from '../../../conformance/report-html.ts';
import { caseCount, runConformance } from './conformance-run.ts';
import { el, part } from '../dom.ts';

/**
 * The conformance suite's part of the lab view, loaded on first use: runs the suite from this
 * page against the live lab and writes a readable report as it goes, one entry per case (what
 * the RFC requires, the verdict and why, the frames sent and received), failures open.
 */
export async function runConformancePanel(root: HTMLElement, labUrl: string, signal: AbortSignal): Promise<void> {
  const status = part<HTMLElement>(root, '[data-role="conformance-status"]');
  const list = part<HTMLOListElement>(root, '[data-role="conformance-cases"]');
  const download = part<HTMLAnchorElement>(root, '[data-role="conformance-download"]');
  list.replaceChildren();
  list.hidden = false;
  download.hidden = true;
  status.textContent = 'Loading the suite…';
  try {
    const { report, stoppedAfter } = await runConformance(labUrl, {
      signal,
      onResult: (result, done, total) => {
        status.textContent = `Case ${done} of ${total}…`;
        list.append(caseEntry(result));
      },
    });
    const { pass, nonStrict, fail } = report.summary;
    // The cases that ended are listed above; the rest never ran, so there is no report file to save.
    if (stoppedAfter !== null) return void (status.textContent = `Stopped after case ${stoppedAfter} of ${caseCount}: ${pass} pass, ${nonStrict} non-strict, ${fail} fail so far.`);
    status.textContent = `${report.cases.length} cases against your server in ${(report.durationMs / 1000).toFixed(1)} s: ${pass} pass, ${nonStrict} non-strict, ${fail} fail.`;
    URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([renderHtml(report)], { type: 'text/html' }));
    download.hidden = false;
  } catch (error) {
    status.textContent = `The suite could not run: ${(error as Error).message}`;
  }
}

function caseEntry(c: CaseResult): HTMLLIElement {
  const text = caseText(c);
  const details = el(
    'details',
    { open: c.verdict === 'fail' },
    el('summary', {}, el('strong', { className: `verdict-${c.verdict}` }, `${c.id} ${c.verdict}`), ` ${c.title}`),
    el('p', {}, el('strong', {}, `Requires (${c.rfc}): `), c.requirement),
    el('p', {}, el('strong', {}, 'Verdict: '), c.reason),
    el('p', {}, el('strong', {}, 'Handshake: '), `${text.handshake}. ${text.tcp}.`),
    el('p', {}, el('strong', {}, 'Sent')),
    el('pre', {}, text.sent),
    el('p', {}, el('strong', {}, 'Received')),
    el('pre', {}, text.received),
  );
  return el('li', {}, details);
}
