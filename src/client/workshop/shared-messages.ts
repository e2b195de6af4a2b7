import type { WorkshopServerMessage } from '../../../protocol/workshop.ts';
import { part } from '../dom.ts';
import type { WallView } from './wall-view.ts';

/** Messages the host console and the attendee view show alike; returns false for the others. */
export function showSharedMessage(root: HTMLElement, wall: WallView, message: WorkshopServerMessage): boolean {
  switch (message.type) {
    case 'wall':
      wall.add(message.message);
      return true;
    case 'wall-removed':
      wall.remove(message.id);
      return true;
    case 'ended':
      part(root, '[data-role="room"]').hidden = true;
      part(root, '[data-role="ended"]').hidden = false;
      return true;
    case 'error':
      part(root, '[data-role="notice"]').textContent = message.message;
      return true;
    default:
      return false;
  }
}
