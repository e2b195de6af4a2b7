import type { Poll } from '../../../protocol/workshop.ts';
import { el } from '../dom.ts';

/** What the line under a poll says, for the host and for an attendee. */
function summary(poll: Poll, host: boolean): string {
  const votes = `${poll.voters} ${poll.voters === 1 ? 'vote' : 'votes'}${poll.open ? '' : ' · closed'}`;
  if (!poll.hidden || poll.revealed) return poll.revealed ? `${votes} · results revealed` : votes;
  return `${votes} · ${host ? 'attendees see the results when you reveal them' : 'the results are shown when the instructor reveals them'}`;
}

/**
 * Draws a poll: the question, each option with its total and a bar (when this browser has the
 * totals: an attendee has none on a hidden poll before the reveal) and the right answer once
 * known. With `onVote`, options are buttons until the attendee has voted; `yourVote` marks it.
 */
export function renderPoll(target: HTMLElement, poll: Poll | null, options: { yourVote?: number | null; onVote?: (option: number) => void; host?: boolean } = {}): void {
  if (!poll) return void target.replaceChildren(el('p', { className: 'ws-muted' }, 'No poll yet.'));
  const canVote = poll.open && options.onVote !== undefined && (options.yourVote ?? null) === null;
  const most = Math.max(1, ...poll.options.map((option) => option.votes ?? 0));
  const rows = poll.options.map((option, index) => {
    const right = poll.correct === index;
    const label = `${option.text}${options.yourVote === index ? ' (your vote)' : ''}${right ? ' (right answer)' : ''}`;
    const name = canVote ? el('button', { type: 'button', className: 'duplex-control' }, label) : el('span', { className: 'ws-poll-option' }, label);
    if (canVote) name.addEventListener('click', () => options.onVote?.(index));
    const total = option.votes;
    const bar = el('span', { className: 'ws-poll-bar', ariaHidden: 'true' });
    if (total !== null) bar.style.inlineSize = `${(total / most) * 100}%`;
    const count = total === null ? null : el('span', { className: 'ws-poll-count', dataset: { role: 'poll-count' } }, String(total));
    return el('li', { dataset: { option: String(index), ...(right ? { correct: '' } : {}) } }, name, count, total === null ? null : bar);
  });
  target.replaceChildren(
    el('p', { className: 'ws-poll-question' }, poll.question),
    el('ol', { className: 'ws-poll-options', ariaLabel: 'Poll options' }, ...rows),
    el('p', { className: 'ws-muted', dataset: { role: 'poll-summary' } }, summary(poll, options.host === true)),
  );
}
