import type { Check, Stage } from './types.ts';
import { acceptKey } from './accept-key.ts';
import { closeWithAppCode } from './close-with-app-code.ts';
import { flowControlCheck } from './flow-control.ts';
import { correlatedRequests } from './correlated-requests.ts';
import { queuedWhileDown } from './queued-while-down.ts';
import { fallsBackToPolling } from './falls-back-to-polling.ts';
import { withinSizeLimit } from './within-size-limit.ts';
import { everyEventOnce } from './every-event-once.ts';
import { twoClientsOneRoom } from './two-clients-one-room.ts';
import { pollsOnATimer } from './polls-on-a-timer.ts';
import { sixteenBitLength } from './sixteen-bit-length.ts';
import { sendWithoutWaiting } from './send-without-waiting.ts';
import { compressionPays } from './compression-pays.ts';
import { replaysARecording } from './replays-a-recording.ts';
import { fullJitter } from './full-jitter.ts';
import { blackholeTwice, heartbeatTimeout } from './heartbeat-timeout.ts';
import { dropOnceListening, resumesWithoutGaps } from './resumes-without-gaps.ts';

/** Every check an <Exercise check="…"> may name. */
export const checks = {
  'polls-on-a-timer': pollsOnATimer,
  'every-event-once': everyEventOnce,
  'accept-key': acceptKey,
  'sixteen-bit-length': sixteenBitLength,
  'close-with-app-code': closeWithAppCode,
  'flow-control': flowControlCheck,
  'correlated-requests': correlatedRequests,
  'two-clients-one-room': twoClientsOneRoom,
  'queued-while-down': queuedWhileDown,
  'falls-back-to-polling': fallsBackToPolling,
  'within-size-limit': withinSizeLimit,
  'send-without-waiting': sendWithoutWaiting,
  'compression-pays': compressionPays,
  'replays-a-recording': replaysARecording,
  'full-jitter': fullJitter,
  'heartbeat-timeout': heartbeatTimeout,
  'resumes-without-gaps': resumesWithoutGaps,
} satisfies Record<string, Check>;

export type CheckName = keyof typeof checks;

/** The checks whose skill only shows on a broken path: what the page does to the run first (see Stage). */
export const stages: Partial<Record<CheckName, Stage>> = {
  'heartbeat-timeout': blackholeTwice,
  'resumes-without-gaps': dropOnceListening,
};
export const checkNames = Object.keys(checks) as CheckName[];
export const isCheckName = (name: string): name is CheckName => Object.hasOwn(checks, name);
