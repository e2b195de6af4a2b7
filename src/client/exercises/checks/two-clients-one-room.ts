import { type Check, notYet, pass } from './types.ts';
import { received, sends, socketUrls } from './events.ts';

/** The room a socket joined, from the URL it connected to; undefined for other endpoints. */
function roomOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = /^\/ws\/room\/([^/]+)$/.exec(new URL(url).pathname);
  return match?.[1];
}

/**
 * Lesson 9: the server republishes a message to the other members of a room. Passes when two
 * different sockets joined the same `/ws/room/<name>` and a message sent by one arrived at the other.
 */
export const twoClientsOneRoom: Check = (events) => {
  const rooms = new Map([...socketUrls(events)].map(([socket, url]) => [socket, roomOf(url)]));
  const members = [...rooms].filter(([, room]) => room !== undefined);
  if (members.length < 2) return notYet(`${members.length} of 2 sockets connected to /ws/room/<name> so far.`);
  const shared = members.some(([a, roomA]) => members.some(([b, roomB]) => a !== b && roomA === roomB));
  if (!shared) return notYet(`the sockets are in different rooms (${members.map(([, room]) => room).join(', ')}); use one name for both.`);
  const relayed = sends(events).find((sent) =>
    received(events).some((got) => got.socket !== sent.socket && rooms.get(got.socket) === rooms.get(sent.socket) && got.preview === sent.preview && got.at >= sent.at),
  );
  if (!relayed) return notYet('both sockets are in the room; send a message from one and let the other receive it.');
  return pass(`socket #${relayed.socket}'s "${relayed.preview}" reached the other member of room ${rooms.get(relayed.socket)}.`);
};
