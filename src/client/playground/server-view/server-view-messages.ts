import type { InspectCommand } from '../../../../protocol/inspect.ts';
import type { InspectRunEvent } from '../runner/run-protocol.ts';

/**
 * Between the page and its server-view worker (inspect-worker.ts). Both ends are this site's own
 * code, not the learner's: what came from the server was validated with the shared InspectEvent
 * schema in the worker before it is posted here.
 */
export type ServerViewRequest =
  | { type: 'start'; server: string }
  | { type: 'watch'; trace: string; socket: number }
  | { type: 'fault'; command: InspectCommand }
  | { type: 'close' };

export type ServerViewReport = { type: 'watching'; socket: number } | { type: 'events'; events: InspectRunEvent[] };
