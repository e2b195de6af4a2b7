import * as z from 'zod/mini';
import { ErrorMessage } from './errors.ts';

/**
 * `WS /ws/chat/<room>` — JSON messages in both directions. The server assigns `seq`, `from`
 * and `at`, so clients cannot forge them; `?since=<seq>` replays what a reconnecting client missed.
 */
/** A display name: what `?name=` and `rename` accept. */
export const MemberName = z.string().check(z.minLength(1, 'name must not be empty'), z.maxLength(40, 'name is limited to 40 characters'));

export const ChatClientMessage = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('say'),
      text: z.string().check(z.minLength(1, 'text must not be empty'), z.maxLength(2000, 'text is limited to 2000 characters')),
    }),
    z.object({ type: z.literal('rename'), name: MemberName }),
  ],
  { error: 'type must be "say" or "rename"' },
);
export type ChatClientMessage = z.infer<typeof ChatClientMessage>;

/** A member of a room: its server-given id and its current name. */
export const ChatMember = z.object({ id: z.string(), name: z.string() });
export type ChatMember = z.infer<typeof ChatMember>;
const member = ChatMember;

/** One line of a room's log: what `?since=` replays and the state store keeps. */
export const ChatLine = z.object({ type: z.literal('message'), seq: z.number(), from: member, text: z.string(), at: z.number() });
export type ChatLine = z.infer<typeof ChatLine>;

export const ChatServerMessage = z.discriminatedUnion('type', [
  /**
   * First message on every connection: who you are, who is here, the newest seq, and the
   * epoch of the log (send it back as `?epoch=` with `?since=`: a changed epoch means start over).
   */
  z.object({ type: z.literal('welcome'), you: member, members: z.array(member), latestSeq: z.number(), epoch: z.string() }),
  ChatLine,
  z.object({ type: z.literal('join'), member, at: z.number() }),
  z.object({ type: z.literal('leave'), member, at: z.number() }),
  z.object({ type: z.literal('rename'), member, at: z.number() }),
  /** See protocol/errors.ts for the codes; the connection stays open. */
  ErrorMessage,
]);
export type ChatServerMessage = z.infer<typeof ChatServerMessage>;
