import type { InspectCommand } from '../../../../protocol/inspect.ts';
import type { RunEvent } from '../runner/run-protocol.ts';
import { describeEvent, type Channel, type Line } from './output-line.ts';

/** Lines kept per channel; older ones are dropped so a chatty run cannot grow the page forever. */
const maxLines = 300;

/**
 * How long the closes a requested drop causes wait for the server's word that it dropped them.
 * The confirmation and the close travel on two TCP connections, so either may land first; past
 * this the server did not answer (no inspect link) and the closes show on their own.
 */
const faultConfirmMs = 2000;

/**
 * Message lines (→ / ←) written per flush, five flushes a second: far more than anyone reads.
 * Past it the rest of that flush's message lines are counted in one line instead, so thousands
 * of frames a second cost the page a bounded amount of DOM work; the traffic view has every frame.
 */
const messageLinesPerFlush = 60;

const now = () => performance.now();

/**
 * The output panel: console lines and socket events as text (never HTML: learner data is
 * untrusted). Lines are buffered and written a few times a second, so hundreds of messages
 * a second cost a few layouts, not hundreds. The program's lines and the connection log are
 * bounded apart, and a checkbox hides the connection log.
 */
export class OutputView {
  #list: HTMLElement;
  #pending: Line[] = [];
  /** What is on screen, oldest first, per channel: the oldest goes when a channel is full. */
  #shown: Record<Channel, HTMLElement[]> = { program: [], connection: [] };
  /** Whether the reader is at the bottom (new output follows) — kept from scroll events, so flushing never reads layout. */
  #following = true;
  /** The close code the server last sent on each socket (from its view), to explain the 1006 that follows. */
  #sentClose = new Map<number, number>();
  /** Until when closes wait for a requested drop's confirmation (0: nothing awaited). */
  #faultDeadline = 0;
  /** Lines from the first close after a requested drop on, until the server confirms it. */
  #held: Line[] = [];

  constructor(list: HTMLElement, showConnection: HTMLInputElement) {
    this.#list = list;
    list.addEventListener('scroll', () => (this.#following = list.scrollHeight - list.scrollTop - list.clientHeight < 24), { passive: true });
    const applyFilter = () => (showConnection.checked ? delete list.dataset.only : (list.dataset.only = 'program'));
    showConnection.addEventListener('change', applyFilter);
    applyFilter();
  }

  /** The learner asked for a fault: if it ends connections, its cause is shown before their closes. */
  expectFault(command: InspectCommand): void {
    if (command.type === 'drop' || command.type === 'outage') this.#faultDeadline = now() + faultConfirmMs;
  }

  push(event: RunEvent): void {
    if (event.type === 'inspect' && event.event.type === 'frame' && event.event.opcode === 'close' && event.event.direction === 'out' && event.event.code !== undefined)
      this.#sentClose.set(event.socket, event.event.code);
    const line = describeEvent(event, this.#sentClose);
    if (!line) return;
    if (this.#faultDeadline > 0) {
      if (event.type === 'inspect' && event.event.type === 'fault') {
        this.#add(line);
        return this.release();
      }
      const isClose = event.type === 'socket' && event.event === 'close';
      if (isClose || this.#held.length > 0) return void this.#held.push(line);
    }
    this.#add(line);
  }

  /** Shows what waited for a fault's confirmation (the run stopped, or the wait is over). */
  release(): void {
    this.#faultDeadline = 0;
    const held = this.#held;
    this.#held = [];
    for (const line of held) this.#add(line);
  }

  flush(): void {
    if (this.#faultDeadline > 0 && now() > this.#faultDeadline) this.release();
    if (this.#pending.length === 0) return;
    const fragment = document.createDocumentFragment();
    for (const { text, kind, channel } of thinMessages(this.#pending)) {
      const item = document.createElement('div');
      item.className = `pg-line pg-${kind} pg-${channel}`;
      item.textContent = text;
      fragment.append(item);
      this.#shown[channel].push(item);
    }
    this.#pending = [];
    this.#list.append(fragment);
    for (const shown of Object.values(this.#shown)) {
      const excess = shown.length - maxLines;
      if (excess > 0) for (const old of shown.splice(0, excess)) old.remove();
    }
    // Follow new output only if the reader has not scrolled up to read something older.
    if (this.#following) this.#list.scrollTop = this.#list.scrollHeight;
  }

  clear(): void {
    this.#pending = [];
    this.#held = [];
    this.#faultDeadline = 0;
    this.#sentClose.clear();
    this.#shown = { program: [], connection: [] };
    this.#list.replaceChildren();
  }

  #add(line: Line): void {
    this.#pending.push(line);
    // A flood between two flushes: keep only the newest lines of each channel, in order.
    if (this.#pending.length > 2 * maxLines) this.#pending = newestPerChannel(this.#pending);
  }
}

const isMessage = (line: Line) => line.kind === 'up' || line.kind === 'down';

/** Keeps the newest message lines of a flush and says how many it left out, where they were. */
export function thinMessages(lines: readonly Line[]): readonly Line[] {
  let skip = lines.filter(isMessage).length - messageLinesPerFlush;
  if (skip <= 0) return lines;
  const kept: Line[] = [{ text: `… ${skip} more messages in the last moment, not listed (the traffic view has each one)`, kind: 'meta', channel: 'connection' }];
  for (const line of lines) if (!(isMessage(line) && skip-- > 0)) kept.push(line);
  return kept;
}

function newestPerChannel(lines: readonly Line[]): Line[] {
  const left: Record<Channel, number> = { program: maxLines, connection: maxLines };
  const kept: Line[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (left[line.channel]-- > 0) kept.push(line);
  }
  return kept.reverse();
}
