import type { Poll } from '../../../protocol/workshop.ts';
import { el } from '../dom.ts';

/**
 * Draws a poll: the question, each option with its live total and a bar. With `onVote`, options
 * are buttons until the attendee has voted; `yourVote` marks their choice.
 */
export function renderPoll(target: HTMLElement, poll: Poll | null, options: { yourVote?: number | null; onVote?: (option: number) => void } = {}): void {
  if (!poll) return void target.replaceChildren(el('p', { className: 'ws-muted' }, 'No poll yet.'));
  const canVote = poll.open && options.onVote !== undefined && (options.yourVote ?? null) === null;
  const most = Math.max(1, ...poll.options.map((option) => option.votes));
  const rows = poll.options.map((option, index) => {
    const label = `${option.text}${options.yourVote === index ? ' (your vote)' : ''}`;
    const count = el('span', { className: 'ws-poll-count', dataset: { role: 'poll-count' } }, String(option.votes));
    const bar = el('span', { className: 'ws-poll-bar', ariaHidden: 'true' });
    bar.style.inlineSize = `${(option.votes / most) * 100}%`;
    const name = canVote
      ? el('button', { type: 'button', className: 'duplex-control' }, label)
      : el('span', { className: 'ws-poll-option' }, label);
    if (canVote) name.addEventListener('click', () => options.onVote?.(index));
    return el('li', { dataset: { option: String(index) } }, name, count, bar);
  });
  target.replaceChildren(
    el('p', { className: 'ws-poll-question' }, poll.question),
    el('ol', { className: 'ws-poll-options', ariaLabel: 'Poll options' }, ...rows),
    el('p', { className: 'ws-muted', dataset: { role: 'poll-summary' } }, `${poll.voters} ${poll.voters === 1 ? 'vote' : 'votes'}${poll.open ? '' : ' · closed'}`),
  );
}
