import type { ChatLine } from '../protocol/chat.ts';

/**
 * One chat room's numbered messages: `seq` grows by one per message and the newest `limit`
 * are kept, so a reconnecting client can ask for everything after the last seq it saw.
 */
export class ChatLog {
  readonly #limit: number;
  #seq = 0;
  #lines: ChatLine[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  get latestSeq(): number {
    return this.#seq;
  }

  append(from: ChatLine['from'], text: string): ChatLine {
    const line: ChatLine = { type: 'message', seq: ++this.#seq, from: { ...from }, text, at: Date.now() };
    this.#lines.push(line);
    if (this.#lines.length > this.#limit) this.#lines.shift();
    return line;
  }

  /** The messages after `seq`; `truncated` when some of them are no longer kept. */
  since(seq: number): { lines: ChatLine[]; truncated: boolean } {
    const oldest = this.#lines[0]?.seq ?? this.#seq + 1;
    return { lines: this.#lines.filter((line) => line.seq > seq), truncated: seq + 1 < oldest && seq < this.#seq };
  }
}
