import * as z from 'zod/mini';

/**
 * `WS /ws/rpc`: requests answered out of order, so only a client that matches each answer to its
 * request by `id` gets them right (lesson 8). The answer's `body` is the request's, unchanged.
 */
export const RpcId = z.union([z.number(), z.string().check(z.maxLength(64))]);

export const RpcRequest = z.object({
  type: z.literal('request'),
  id: RpcId,
  body: z.string().check(z.maxLength(1000)),
});
export type RpcRequest = z.infer<typeof RpcRequest>;

export const RpcResponse = z.object({ type: z.literal('response'), id: RpcId, body: z.string() });
export type RpcResponse = z.infer<typeof RpcResponse>;

/**
 * How long an answer waits: each request waits less than the ones already waiting, by more than
 * the jitter, so requests in flight together come back newest first, every time.
 */
export const rpcTiming = { longestMs: 400, stepMs: 120, shortestMs: 20, jitterMs: 30, maxPending: 16 } as const;
