import type { WallMessage } from '../../../protocol/workshop.ts';
import { el } from '../dom.ts';

/**
 * The message wall, oldest first, as text. The host passes `actions` to get a Remove and a
 * Mute button on each message.
 */
export class WallView {
  readonly #list: HTMLOListElement;
  readonly #actions: ((message: WallMessage) => HTMLElement[]) | undefined;

  constructor(list: HTMLOListElement, actions?: (message: WallMessage) => HTMLElement[]) {
    this.#list = list;
    this.#actions = actions;
  }

  reset(messages: readonly WallMessage[]): void {
    this.#list.replaceChildren();
    for (const message of messages) this.add(message);
  }

  add(message: WallMessage): void {
    const time = new Date(message.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    this.#list.append(
      el(
        'li',
        { dataset: { wallId: String(message.id) } },
        el('span', { className: 'ws-wall-from' }, message.from.name),
        el('span', { className: 'ws-muted' }, ` ${time} `),
        el('span', { className: 'ws-wall-text' }, message.text),
        ...(this.#actions?.(message) ?? []),
      ),
    );
    this.#list.scrollTop = this.#list.scrollHeight;
  }

  remove(id: number): void {
    this.#list.querySelector(`[data-wall-id="${id}"]`)?.remove();
  }
}
