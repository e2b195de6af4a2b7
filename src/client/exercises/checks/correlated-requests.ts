import { type Check, notYet, pass } from './types.ts';
import { consoleLines, received, sends } from './events.ts';

const wanted = 3;

/** The id of a request envelope `{"type":"request","id":…}`, or undefined for anything else. */
function requestId(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { type, id } = value as { type?: unknown; id?: unknown };
    return type === 'request' && (typeof id === 'number' || typeof id === 'string') ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lesson 8: several requests in flight on one socket, each answer matched to its request by id.
 * Passes when three request envelopes with distinct ids all went out before the first answer, and
 * the run logged `reply <id>` for each of them.
 */
export const correlatedRequests: Check = (events) => {
  const requests = sends(events).flatMap((event) => {
    const id = requestId(event.preview);
    return id === undefined ? [] : [{ id, at: event.at }];
  });
  if (requests.length === 0) return notYet('no {"type":"request","id":…} envelope was sent yet.');
  const ids = new Set(requests.map((request) => request.id));
  if (ids.size < requests.length) return notYet('two requests share an id; give each its own so answers can be told apart.');
  const firstAnswer = received(events).find((event) => requestId(event.preview) !== undefined);
  const inFlight = requests.filter((request) => !firstAnswer || request.at <= firstAnswer.at).length;
  if (firstAnswer && inFlight < wanted) return notYet(`only ${inFlight} request(s) were in flight together; send ${wanted} before awaiting any.`);
  const lines = consoleLines(events).map((line) => line.text);
  const answered = [...ids].filter((id) => lines.some((text) => text.startsWith(`reply ${id}`)));
  if (answered.length < wanted) return notYet(`${answered.length} of ${wanted} requests logged as "reply <id>" so far.`);
  return pass(`${answered.length} requests in flight at once, each answer matched to its request by id.`);
};
