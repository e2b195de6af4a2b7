import { type Check, notYet, pass } from './types.ts';
import { serverFrames, socketUrls } from './events.ts';

/** The room of a `/ws/room/<name>` path (or URL); undefined for other endpoints. */
function roomOf(pathOrUrl: string | undefined): string | undefined {
  if (!pathOrUrl) return undefined;
  const match = /^\/ws\/room\/([^/]+)$/.exec(new URL(pathOrUrl, 'ws://x').pathname);
  return match?.[1];
}

/**
 * Lesson 9: the server republishes a message to the other members of a room. Passes when the
 * server received a message from one of the run's sockets in `/ws/room/<name>` and itself sent
 * that message to a different socket of the run in the same room: the relay is the server's
 * act, so it is judged on the server's own view of both connections.
 */
export const twoClientsOneRoom: Check = (events) => {
  const rooms = new Map([...socketUrls(events)].map(([socket, url]) => [socket, roomOf(url)]));
  const members = [...rooms].filter(([, room]) => room !== undefined);
  if (members.length < 2) return notYet(`${members.length} of 2 sockets connected to /ws/room/<name> so far.`);
  const shared = members.some(([a, roomA]) => members.some(([b, roomB]) => a !== b && roomA === roomB));
  if (!shared) return notYet(`the sockets are in different rooms (${members.map(([, room]) => room).join(', ')}); use one name for both.`);
  const frames = serverFrames(events).filter(({ frame }) => roomOf(frame.path) !== undefined && (frame.opcode === 'text' || frame.opcode === 'binary'));
  const inbound = frames.filter(({ frame }) => frame.direction === 'in');
  if (inbound.length === 0) return notYet('both sockets are in the room; the server has received no message yet: send one from one of them.');
  const relayed = inbound
    .map((sent) => ({
      sent,
      to: frames.find(({ socket, frame }) => frame.direction === 'out' && socket !== sent.socket && frame.path === sent.frame.path && frame.preview === sent.frame.preview && frame.at >= sent.frame.at),
    }))
    .find(({ to }) => to !== undefined);
  if (!relayed) return notYet(`the server received "${inbound[0]!.frame.preview}" but had no other member of ${inbound[0]!.frame.path} to relay it to: is the other socket open by then?`);
  return pass(`the server received socket #${relayed.sent.socket}'s "${relayed.sent.frame.preview}" and relayed it to socket #${relayed.to!.socket} in room ${roomOf(relayed.sent.frame.path)}.`);
};
