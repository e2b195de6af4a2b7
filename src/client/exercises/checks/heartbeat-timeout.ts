import { type Check, notYet, pass, type Stage } from './types.ts';
import { faultConfirmed, lastEventAt, received, sends, socketEvents, watchedByServer, type CloseEvent } from './events.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

/**
 * The heartbeat the exercise asks for: a ping every 0.5 s, and 1.5 s of silence means the link is
 * dead. Short on purpose: the server's own heartbeat (2 s in e2e, 30 s by default) ends a silent
 * peer after two unanswered intervals, and the learner's code must notice first.
 */
export const heartbeat = { intervalMs: 500, deadlineMs: 1500 } as const;

/** A close sooner than this after the last answer did not wait for the deadline (100 ms for clocks that round). */
const earliestCloseMs = heartbeat.deadlineMs - 100;
/**
 * A timer never fires early, but in a busy worker (a loaded 2-core machine) it fires late: the
 * deadline, one more interval until the code looks, and 2.5 s of lateness still count.
 */
const latestCloseMs = heartbeat.deadlineMs + heartbeat.intervalMs + 2500;
/** The reconnected link is watched at least this long, answered and not closed. */
const steadyMinMs = 4000;
/** …and a little longer than the blackholed connection lived, so "close every connection after N s" shows. */
const outliveMarginMs = 1500;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** When socket `socket` last heard from the server before `at`: its last answer, or its last open. */
function lastHeardBefore(events: readonly RunEvent[], socket: number, at: number): number | undefined {
  let heard: number | undefined;
  for (const event of socketEvents(events)) {
    if (event.socket !== socket || event.at > at) continue;
    if (event.event === 'open' || event.event === 'message') heard = event.at;
  }
  return heard;
}

/** Whether socket `socket` is open now: it opened after its last close. */
function isOpen(events: readonly RunEvent[], socket: number): boolean {
  let open = false;
  for (const event of socketEvents(events)) {
    if (event.socket !== socket) continue;
    if (event.event === 'open') open = true;
    if (event.event === 'close') open = false;
  }
  return open;
}

/** A close the learner's code made while the server was still answering: a timer, not a heartbeat. */
function closedTooSoon(events: readonly RunEvent[]): { close: CloseEvent; silenceMs: number } | undefined {
  for (const event of socketEvents(events)) {
    if (event.event !== 'close' || event.by !== 'client') continue;
    const heard = lastHeardBefore(events, event.socket, event.at);
    if (heard !== undefined && event.at - heard < earliestCloseMs) return { close: event, silenceMs: event.at - heard };
  }
  return undefined;
}

/**
 * The stage: once the learner's heartbeat has been answered, and after a random 0.5–3 s more,
 * the page blackholes the link on the server (as the playground's "Blackhole the link" button
 * does), through the socket's inspect link once that link is live. The socket stays open in
 * the browser and nothing crosses it either way any more.
 */
export const blackholeOnceAnswered: Stage = (events, now, chance) => {
  const firstAnswer = received(events)[0];
  if (!firstAnswer || now < firstAnswer.at + 500 + chance * 2500) return null;
  return isOpen(events, firstAnswer.socket) && watchedByServer(events, firstAnswer.socket) ? { type: 'blackhole' } : null;
};

/**
 * Lesson 10: a client heartbeat that finds a half-open link. The page blackholes the link once
 * pings are answered; judged on what the socket did: the learner's own code closed the
 * blackholed connection (`by: client`, so neither the browser nor the server's heartbeat) between
 * 3 s and a bound after the last answer, with pings sent into the silence; never closed a link
 * that was still answering; reconnected; and the new link then stayed up, answered, for longer
 * than the blackholed one lived, so a timer that closes every connection after N s fails.
 */
export const heartbeatTimeout: Check = (events, now = lastEventAt(events)) => {
  const early = closedTooSoon(events);
  if (early) {
    return notYet(
      `your code closed socket #${early.close.socket} only ${seconds(early.silenceMs)} after the server last answered: too soon to tell a dead link from a slow answer. Close when ${seconds(heartbeat.deadlineMs)} pass with no answer, not on a timer.`,
    );
  }
  const blackhole = faultConfirmed(events, 'blackhole');
  if (!blackhole) {
    if (!socketEvents(events).some((event) => event.event === 'open')) return notYet("no socket has opened yet: connect('/ws/echo').");
    if (sends(events).length === 0) return notYet("the socket is open but sends nothing: send 'ping' every 0.5 s, and the echo answers each.");
    if (received(events).length === 0) return notYet('waiting for the first answer to your ping.');
    return notYet('your pings are answered. In a moment the page blackholes the link: watch whether your code notices.');
  }
  const socket = blackhole.socket;
  const at = blackhole.at;
  if (blackhole.connections === 0) return notYet('the link was blackholed while no connection was open: run again and keep the socket open.');
  const close = socketEvents(events).find((event): event is CloseEvent => event.event === 'close' && event.socket === socket && event.at > at);
  if (!close) {
    const silent = now - at;
    if (silent <= latestCloseMs) return notYet('the link is blackholed: your pings go nowhere and no close will come. Waiting for your heartbeat to notice…');
    return notYet(
      `the link has been silent for ${seconds(silent)} and the socket is still open: the browser will not tell you. When ${seconds(heartbeat.deadlineMs)} pass with no answer, close it yourself with socket.reconnect().`,
    );
  }
  if (close.by !== 'client') {
    return notYet(`socket #${socket} was closed by the ${close.by ?? 'network'} ${seconds(close.at - at)} after the link went silent, not by your code: your heartbeat must close it when the answers stop.`);
  }
  const heard = lastHeardBefore(events, socket, close.at) ?? at;
  const silence = close.at - heard;
  if (silence > latestCloseMs) return notYet(`your code closed the link ${seconds(silence)} after the last answer: too late. Close it once ${seconds(heartbeat.deadlineMs)} pass with no answer.`);
  if (!sends(events).some((sent) => sent.socket === socket && sent.at > heard && sent.at < close.at)) {
    return notYet('your code closed the link without asking first: send a ping, and close only when it goes unanswered.');
  }
  const reopen = socketEvents(events).find((event) => event.event === 'open' && event.at > close.at);
  if (!reopen) return notYet(`your heartbeat closed the dead link ${seconds(silence)} after the last answer; now reconnect (socket.reconnect() closes and reconnects in one call).`);
  const reclosed = socketEvents(events).find((event) => event.event === 'close' && event.socket === reopen.socket && event.at > reopen.at);
  if (reclosed) return notYet(`the new connection closed again ${seconds(reclosed.at - reopen.at)} after it opened: it should stay up while it is answered.`);
  const answered = received(events).some((got) => got.socket === reopen.socket && got.at > reopen.at);
  if (!answered) return notYet('reconnected; waiting for the new link to answer your ping.');
  const openedAt = socketEvents(events).filter((event) => event.event === 'open' && event.socket === socket && event.at < at).at(-1)?.at ?? at;
  const steadyMs = Math.max(steadyMinMs, close.at - openedAt + outliveMarginMs);
  if (now - reopen.at < steadyMs) return notYet(`reconnected after the blackhole; watching the new link for ${seconds(steadyMs)}…`);
  return pass(`the link went silent and your heartbeat closed it ${seconds(silence)} after the last answer, then reconnected; the new link has stayed up and answered.`);
};
