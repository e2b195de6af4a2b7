import { RpcRequest, RpcResponse } from '../../../../protocol/rpc.ts';
import { type Check, notYet, pass } from './types.ts';
import { consoleLines, parseJson, received, sends, type FrameEvent } from './events.ts';

const wanted = 3;

const textOf = (event: FrameEvent) => event.payload ?? event.preview;

/**
 * Lesson 8: several requests in flight on one socket, each answer matched to its request by id.
 * `/ws/rpc` answers requests in flight together newest first, so pairing answers with requests in
 * arrival order gives the wrong body. Passes when three requests with distinct ids went out before
 * the first answer and the run logged "reply <id>: <body>" with each request's own body.
 */
export const correlatedRequests: Check = (events) => {
  const requests = sends(events).flatMap((event) => {
    const request = RpcRequest.safeParse(parseJson(textOf(event)));
    return request.success ? [{ ...request.data, at: event.at }] : [];
  });
  if (requests.length === 0) return notYet('no {"type":"request","id":…,"body":…} was sent yet.');
  const ids = new Set(requests.map((request) => String(request.id)));
  if (ids.size < requests.length) return notYet('two requests share an id; give each its own so answers can be told apart.');
  const answers = received(events).flatMap((event) => {
    const answer = RpcResponse.safeParse(parseJson(textOf(event)));
    return answer.success ? [{ ...answer.data, at: event.at }] : [];
  });
  const firstAnswer = answers[0];
  const inFlight = requests.filter((request) => !firstAnswer || request.at <= firstAnswer.at).length;
  if (firstAnswer && inFlight < wanted) return notYet(`only ${inFlight} request(s) were in flight together; send ${wanted} before awaiting any.`);
  if (answers.length < wanted) return notYet(`${answers.length} of ${wanted} answers have arrived (is the socket on /ws/rpc?).`);
  const bodyOf = new Map(requests.map((request) => [String(request.id), request.body]));
  const logged = consoleLines(events).flatMap((line) => {
    const match = /^reply (\S+?):? (.*)$/.exec(line.text);
    return match ? [{ id: match[1]!, body: match[2]! }] : [];
  });
  const mismatched = logged.find((line) => bodyOf.has(line.id) && bodyOf.get(line.id) !== line.body);
  if (mismatched) {
    return notYet(`"reply ${mismatched.id}: ${mismatched.body}" pairs request ${mismatched.id} with another request's answer (it asked for "${bodyOf.get(mismatched.id)}"): answers arrive out of order, so match them by id.`);
  }
  const matched = new Set(logged.filter((line) => bodyOf.get(line.id) === line.body).map((line) => line.id));
  if (matched.size < wanted) return notYet(`${matched.size} of ${wanted} answers logged as "reply <id>: <body>" so far.`);
  return pass(`${matched.size} requests in flight at once; answers came back out of order and each was matched to its request by id.`);
};
