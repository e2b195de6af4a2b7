import { DisplayName, PostText, type WorkshopClientMessage } from '../../../protocol/workshop.ts';
import { characterCount } from '../../../protocol/visible-text.ts';

/**
 * What an attendee types, checked in the page with the server's own schema before anything is
 * sent, so a bad name is refused beside the form (which stays) and a pasted wall of text is
 * refused with its length instead of being cut silently by a `maxlength`.
 */
export type Checked = { ok: true; text: string } | { ok: false; message: string };

const firstIssue = (result: { error?: { issues: readonly { message: string }[] } }) => result.error?.issues[0]?.message ?? 'not accepted';

export function checkName(raw: string): Checked {
  const result = DisplayName.safeParse(raw);
  if (result.success) return { ok: true, text: result.data };
  const length = characterCount(raw.trim());
  return { ok: false, message: length > 40 ? `${firstIssue(result)} (yours has ${length})` : firstIssue(result) };
}

/** `maxLength` is the room's default (WORKSHOP_MESSAGE_LENGTH); a server set lower says so itself. */
export function checkPost(raw: string, maxLength: number): Checked {
  const result = PostText.safeParse(raw);
  if (!result.success) return { ok: false, message: firstIssue(result) };
  const length = characterCount(result.data);
  if (length > maxLength) return { ok: false, message: `a message has at most ${maxLength} characters (yours has ${length}): nothing was sent` };
  return { ok: true, text: result.data };
}

/** A waiting message as a person would describe it. */
export function describePending(message: WorkshopClientMessage, optionText: (poll: string, option: number) => string): string {
  switch (message.type) {
    case 'post':
      return `post “${message.text}”`;
    case 'vote':
      return `vote “${optionText(message.poll, message.option)}”`;
    case 'run-result':
      return `your run result (${message.ok ? 'ok' : 'failed'})`;
    default:
      return message.type;
  }
}
