import type { WorkshopClientMessage } from '../../../protocol/workshop.ts';
import type { DuplexPlayground } from '../playground/element.ts';
import { part } from '../dom.ts';
import { fitShare } from './share-fit.ts';

/** The room's bound until its welcome says otherwise (WORKSHOP_SHARE_BYTES' default). */
const defaultShareBytes = 64 * 1024;

/**
 * "Share my run" on the attendee's page: the only way code, output or traffic leave the
 * browser, and only when the attendee presses it (a request from the host just asks). The last
 * run is fitted into the room's bound before it goes, and the page says what was cut.
 */
export function shareRunButton(root: HTMLElement, playground: DuplexPlayground | null, send: (message: WorkshopClientMessage) => boolean) {
  let maxBytes = defaultShareBytes;
  const status = part(root, '[data-role="share-status"]');
  const request = part(root, '[data-role="share-request"]');
  part(root, '[data-role="share"]').addEventListener('click', () => {
    const recording = playground?.recording() ?? null;
    if (!recording) return void (status.textContent = 'Run your code first: there is nothing to share yet.');
    const fitted = fitShare(recording, maxBytes);
    if (!fitted.ok) return void (status.textContent = fitted.message);
    if (!send({ type: 'share', recording: fitted.recording })) return;
    request.hidden = true;
    status.textContent = ['Sending your run to the instructor…', fitted.note].filter(Boolean).join(' ');
  });
  return {
    /** The welcome told this room's bound. */
    setLimit(bytes: number) {
      maxBytes = bytes;
    },
    requested() {
      request.hidden = false;
    },
    shared() {
      status.textContent = `The instructor has your run (shared at ${new Date().toLocaleTimeString()}).`;
    },
  };
}
