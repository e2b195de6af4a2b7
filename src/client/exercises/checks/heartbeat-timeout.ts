import { type Check, notYet, pass, type Stage, type Verdict } from './types.ts';
import { lastEventAt, received, sends, socketEvents, watchedByServer, type CloseEvent } from './events.ts';
import { isOpen, lastHeardBefore, strikesOf, type Strike } from './heartbeat-links.ts';
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
/** The link reconnected after the second blackhole is watched at least this long, answered and not closed. */
const steadyMinMs = 4000;
/** …and a little longer than the blackholed connection lived, so "close every connection after N s" shows. */
const outliveMarginMs = 1500;
/** Each blackhole comes this long after its link's first answer, plus up to `spreadMs` more, drawn per strike. */
const strikeAfterMs = 500;
const spreadMs = 2500;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ordinals = ['first', 'second'] as const;

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
 * The stage strikes twice: once the learner's heartbeat has been answered, and again once the
 * link their code reconnected has answered, each after a random 0.5–3 s more. The page blackholes
 * the link on the server each time (as the playground's "Blackhole the link" button does), through
 * the socket's inspect link once it is live. The socket stays open in the browser and nothing
 * crosses it either way any more. Two strikes at moments drawn apart mean no single timer set
 * after the first answer can stand in for a heartbeat.
 */
export const blackholeTwice: Stage = (events, now, chance, struck) => {
  const answer = struck === 0 ? received(events)[0] : struck === 1 ? strikesOf(events)[0]?.answer : undefined;
  if (!answer || now < answer.at + strikeAfterMs + chance * spreadMs) return null;
  return isOpen(events, answer.socket) && watchedByServer(events, answer.socket) ? { type: 'blackhole' } : null;
};

/** What the learner's code did about one blackhole, when it did it right. */
interface Caught {
  silenceMs: number;
  closeAt: number;
  reopenAt: number;
}

/**
 * Whether the learner's own code closed the blackholed connection (`by: client`: neither the
 * browser nor the server's heartbeat) between the deadline and a bound after the last answer, with
 * pings sent into the silence, then reconnected, and the new link answered without closing again
 * before `nextStrikeAt`.
 */
function caught(events: readonly RunEvent[], strike: Strike, now: number, nth: number, nextStrikeAt = Infinity): Caught | Verdict {
  const { fault, close, reopen, answer } = strike;
  const which = ordinals[nth] ?? 'next';
  if (fault.connections === 0) return notYet('the link was blackholed while no connection was open: run again and keep the socket open.');
  if (!close) {
    const silent = now - fault.at;
    if (silent <= latestCloseMs) return notYet(`the link is blackholed (the ${which} time): your pings go nowhere and no close will come. Waiting for your heartbeat to notice…`);
    return notYet(
      `the link has been silent for ${seconds(silent)} since the ${which} blackhole and the socket is still open: the browser will not tell you. When ${seconds(heartbeat.deadlineMs)} pass with no answer, close it yourself with socket.reconnect().`,
    );
  }
  if (close.by !== 'client') {
    return notYet(
      `after the ${which} blackhole socket #${fault.socket} was closed by the ${close.by ?? 'network'} ${seconds(close.at - fault.at)} after the link went silent, not by your code: your heartbeat must close it when the answers stop, every time they stop.`,
    );
  }
  const heard = lastHeardBefore(events, fault.socket, close.at) ?? fault.at;
  const silenceMs = close.at - heard;
  if (silenceMs > latestCloseMs) return notYet(`your code closed the link ${seconds(silenceMs)} after the last answer: too late. Close it once ${seconds(heartbeat.deadlineMs)} pass with no answer.`);
  if (!sends(events).some((sent) => sent.socket === fault.socket && sent.at > heard && sent.at < close.at)) {
    return notYet('your code closed the link without asking first: send a ping, and close only when it goes unanswered.');
  }
  if (!reopen) return notYet(`your heartbeat closed the dead link ${seconds(silenceMs)} after the last answer; now reconnect (socket.reconnect() closes and reconnects in one call).`);
  const reclosed = socketEvents(events).find((event) => event.event === 'close' && event.socket === reopen.socket && event.at > reopen.at && event.at < nextStrikeAt);
  if (reclosed) return notYet(`the new connection closed again ${seconds(reclosed.at - reopen.at)} after it opened: it should stay up while it is answered.`);
  if (!answer) return notYet('reconnected; waiting for the new link to answer your ping.');
  return { silenceMs, closeAt: close.at, reopenAt: reopen.at };
}

const isVerdict = (value: Caught | Verdict): value is Verdict => 'passed' in value;

/**
 * Lesson 10: a client heartbeat that finds a half-open link, every time. The page blackholes the
 * link twice (see blackholeTwice); each time the learner's code must close it itself, 1.4–4.5 s
 * after that link's last answer with pings unanswered before, and reconnect; it must never close a
 * link that is still answering; and the link after the second blackhole must then stay up,
 * answered, for longer than the blackholed one lived, so a timer that closes every connection
 * after N s fails.
 */
export const heartbeatTimeout: Check = (events, now = lastEventAt(events)) => {
  const early = closedTooSoon(events);
  if (early) {
    return notYet(
      `your code closed socket #${early.close.socket} only ${seconds(early.silenceMs)} after the server last answered: too soon to tell a dead link from a slow answer. Close when ${seconds(heartbeat.deadlineMs)} pass with no answer, not on a timer.`,
    );
  }
  const [first, second] = strikesOf(events);
  if (!first) {
    if (!socketEvents(events).some((event) => event.event === 'open')) return notYet("no socket has opened yet: connect('/ws/echo').");
    if (sends(events).length === 0) return notYet("the socket is open but sends nothing: send 'ping' every 0.5 s, and the echo answers each.");
    if (received(events).length === 0) return notYet('waiting for the first answer to your ping.');
    return notYet('your pings are answered. In a moment the page blackholes the link: watch whether your code notices.');
  }
  const once = caught(events, first, now, 0, second?.fault.at);
  if (isVerdict(once)) return once;
  if (!second) {
    return notYet(
      `your heartbeat caught the first blackhole (closed ${seconds(once.silenceMs)} after the last answer) and the new link answers. A link can go silent again at any time: the page will blackhole this one too…`,
    );
  }
  const twice = caught(events, second, now, 1);
  if (isVerdict(twice)) return twice;
  const steadyMs = Math.max(steadyMinMs, twice.closeAt - once.reopenAt + outliveMarginMs);
  if (now - twice.reopenAt < steadyMs) return notYet(`both blackholes caught; watching the new link for ${seconds(steadyMs)}…`);
  return pass(
    `the link went silent twice and your heartbeat closed it ${seconds(once.silenceMs)} and ${seconds(twice.silenceMs)} after the last answer, reconnecting each time; the new link has stayed up and answered.`,
  );
};
