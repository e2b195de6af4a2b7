import type { Poll } from '../../../protocol/workshop.ts';
import { h } from './dom.ts';

/**
 * Draws a poll: the question, each option with its live total and a bar. With `onVote`, options
 * are buttons until the attendee has voted; `yourVote` marks their choice.
 */
export function renderPoll(target: HTMLElement, poll: Poll | null, options: { yourVote?: number | null; onVote?: (option: number) => void } = {}): void {
  if (!poll) return void target.replaceChildren(h('p', { class: 'ws-muted' }, 'No poll yet.'));
  const canVote = poll.open && options.onVote !== undefined && (options.yourVote ?? null) === null;
  const most = Math.max(1, ...poll.options.map((option) => option.votes));
  const rows = poll.options.map((option, index) => {
    const label = `${option.text}${options.yourVote === index ? ' (your vote)' : ''}`;
    const count = h('span', { class: 'ws-poll-count', 'data-role': 'poll-count' }, String(option.votes));
    const bar = h('span', { class: 'ws-poll-bar', 'aria-hidden': 'true' });
    bar.style.inlineSize = `${(option.votes / most) * 100}%`;
    const name = canVote
      ? h('button', { type: 'button', class: 'duplex-control' }, label)
      : h('span', { class: 'ws-poll-option' }, label);
    if (canVote) name.addEventListener('click', () => options.onVote?.(index));
    return h('li', { 'data-option': String(index) }, name, count, bar);
  });
  target.replaceChildren(
    h('p', { class: 'ws-poll-question' }, poll.question),
    h('ol', { class: 'ws-poll-options', 'aria-label': 'Poll options' }, ...rows),
    h('p', { class: 'ws-muted', 'data-role': 'poll-summary' }, `${poll.voters} ${poll.voters === 1 ? 'vote' : 'votes'}${poll.open ? '' : ' · closed'}`),
  );
}
