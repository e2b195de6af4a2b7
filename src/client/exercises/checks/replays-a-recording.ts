import { parseRecording } from '../../../../protocol/recording.ts';
import { RpcRequest, RpcResponse } from '../../../../protocol/rpc.ts';
import { type Check, notYet, pass } from './types.ts';
import { bodiesFrom, consoleLines, httpExchanges, parseJson, received, serverFrames } from './events.ts';

/** The recorded session the lesson ships (public/recordings/), small enough for a run's fetch report. */
export const recordingPath = '/recordings/rpc-session.json';

/**
 * Lesson testing-and-debugging: a recording becomes a regression test. Passes when the code
 * fetched the recording, the server itself received the recorded requests, in the recorded
 * order, on the recorded endpoint, and for each one the code logged "request <id>: <body>" with
 * the body of the answer that carried that id, once that answer had arrived. Logging from the
 * recording (before any answer) or pairing answers by arrival order gives wrong or early lines.
 */
export const replaysARecording: Check = (events) => {
  const tried = httpExchanges(events).filter((event) => new URL(event.url).pathname === recordingPath);
  if (tried.length === 0) return notYet(`fetch the recording first: ${recordingPath} on the lesson site.`);
  const body = bodiesFrom(events, recordingPath)[0];
  if (body === undefined) return notYet(`the recording could not be fetched (${tried[0]!.status ?? tried[0]!.error ?? 'no answer yet'}).`);
  const read = parseRecording(body);
  if (!read.ok) return notYet(read.message);
  const { recording } = read;
  const path = new URL(recording.sockets[0]?.url ?? 'ws://x/').pathname;
  const recorded = recording.frames.filter((frame) => frame.direction === 'up' && frame.opcode === 'text').map((frame) => frame.payload ?? frame.preview);
  const requests = recorded.map((text) => RpcRequest.safeParse(parseJson(text))).flatMap((parsed) => (parsed.success ? [parsed.data] : []));

  const arrived = serverFrames(events)
    .map(({ frame }) => frame)
    .filter((frame) => frame.path === path && frame.direction === 'in' && frame.opcode === 'text')
    .map((frame) => frame.preview);
  if (arrived.length === 0) return notYet(`the server has received nothing on ${path}: replay the recording's ${recorded.length} requests there.`);
  const differs = recorded.findIndex((text, i) => arrived[i] !== undefined && arrived[i] !== text);
  if (differs >= 0) return notYet(`the server's message ${differs + 1} was ${arrived[differs]}, but the recording's is ${recorded[differs]}: send them unchanged, in order.`);
  if (arrived.length < recorded.length) return notYet(`${arrived.length} of the recording's ${recorded.length} requests reached the server so far.`);

  const answers = received(events).flatMap((event) => {
    const answer = RpcResponse.safeParse(parseJson(event.payload ?? event.preview));
    return answer.success ? [{ at: event.at, ...answer.data }] : [];
  });
  const lines = consoleLines(events);
  for (const request of requests) {
    const answer = answers.find((candidate) => candidate.id === request.id);
    if (!answer) return notYet(`waiting for the answer to request ${request.id}.`);
    const expected = `request ${request.id}: ${answer.body}`;
    if (!lines.some((line) => line.text === expected && line.at >= answer.at)) {
      const wrong = lines.find((line) => line.text.startsWith(`request ${request.id}: `) && line.text !== expected);
      if (wrong) return notYet(`you logged "${wrong.text}", but the answer carrying id ${request.id} said "${answer.body}": pair answers by id, not by order.`);
      return notYet(`log "${expected}" once the answer with id ${request.id} has arrived (from the answer, not from the recording).`);
    }
  }
  return pass(`the ${requests.length} recorded requests were replayed to ${path}, and each answer was matched to its request by id.`);
};
