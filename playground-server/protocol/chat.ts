import * as z from 'zod/mini';

/**
 * `WS /ws/chat/<room>` — JSON messages in both directions. The server assigns `seq`, `from`
 * and `at`, so clients cannot forge them; `?since=<seq>` replays what a reconnecting client missed.
 */
export const ChatClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('say'), text: z.string().check(z.minLength(1), z.maxLength(2000)) }),
  z.object({ type: z.literal('rename'), name: z.string().check(z.minLength(1), z.maxLength(40)) }),
]);
export type ChatClientMessage = z.infer<typeof ChatClientMessage>;

const member = z.object({ id: z.string(), name: z.string() });

export const ChatServerMessage = z.discriminatedUnion('type', [
  /** First message on every connection: who you are, who is here, the newest seq. */
  z.object({ type: z.literal('welcome'), you: member, members: z.array(member), latestSeq: z.number() }),
  z.object({ type: z.literal('message'), seq: z.number(), from: member, text: z.string(), at: z.number() }),
  z.object({ type: z.literal('join'), member, at: z.number() }),
  z.object({ type: z.literal('leave'), member, at: z.number() }),
  z.object({ type: z.literal('rename'), member, at: z.number() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ChatServerMessage = z.infer<typeof ChatServerMessage>;
