import * as z from 'zod/mini';

/** `WS /ws/ticker?interval=<ms>`: what the server pushes on its own, while it echoes the client. */
export const Tick = z.object({ type: z.literal('tick'), n: z.number(), at: z.number() });
export type Tick = z.infer<typeof Tick>;

export const tickerInterval = { min: 20, max: 10_000, default: 1000 } as const;
