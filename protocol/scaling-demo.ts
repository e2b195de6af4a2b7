import * as z from 'zod/mini';

/**
 * `WS /ws/scaling-demo/<a|b>?demo=<id>&mode=<streams|pubsub>&since=<offset>`: the scaling
 * lesson's two instances. With `npm run cluster` they are two server processes sharing Redis
 * (the welcome names the other one, `peer`); with `npm start`, one process plays both. In
 * `streams` mode every message gets an offset and a client resuming with `since` gets what it
 * missed; in `pubsub` mode messages reach only who is connected right then.
 */
export const DemoInstance = z.enum(['a', 'b']);
export type DemoInstance = z.infer<typeof DemoInstance>;
export const DemoMode = z.enum(['streams', 'pubsub']);
export type DemoMode = z.infer<typeof DemoMode>;
export const DemoId = z.string().check(z.regex(/^[A-Za-z0-9_-]{4,64}$/, 'demo must be 4–64 letters, digits, "-" or "_"'));

export const ScalingDemoClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('say'), text: z.string().check(z.minLength(1), z.maxLength(200)) }),
  /** Sent to instance B: stops it for this demo, for real (its sockets close with 1001, new ones get 503). */
  z.object({ type: z.literal('stop-b') }),
]);
export type ScalingDemoClientMessage = z.infer<typeof ScalingDemoClientMessage>;

/** One message as a client receives it: `via` is the instance it entered through. */
export const DemoLine = z.object({
  type: z.literal('message'),
  /** Its place in the shared log (streams mode); null in pubsub mode, which keeps nothing. */
  offset: z.nullable(z.number()),
  text: z.string(),
  via: DemoInstance,
});
export type DemoLine = z.infer<typeof DemoLine>;

export const ScalingDemoServerMessage = z.discriminatedUnion('type', [
  /** `peer`: the origin of the other server process (where client 2 goes); null when this one plays both. */
  z.object({ type: z.literal('welcome'), instance: DemoInstance, mode: DemoMode, peer: z.nullable(z.string()) }),
  DemoLine,
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type ScalingDemoServerMessage = z.infer<typeof ScalingDemoServerMessage>;
