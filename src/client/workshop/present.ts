import { openWorkshopLink, type WorkshopLink } from './connection.ts';
import { describeLink, part } from './dom.ts';
import { SlideDeck } from './slide-deck.ts';
import { hostToken } from './storage.ts';
import { roomCodeFromUrl } from './urls.ts';

/**
 * The presentation page: the lesson as slides. Opened by the host with `?room=<code>` (this
 * browser holding the room's host token), it also leads the room: with Follow me on, every slide
 * change is sent to the attendees' screens.
 */
export function startPresentation(root: HTMLElement): void {
  const lesson = root.dataset.lesson ?? '';
  // Inside an attendee's page the deck is a frame: leaving the slides there would strand them.
  part(root, 'exit').hidden = new URLSearchParams(location.search).has('embed');
  let link: WorkshopLink | null = null;
  const followMe = part<HTMLInputElement>(root, 'follow-me');
  const lead = () => {
    if (followMe.checked) link?.send({ type: 'follow', location: { lesson, slide: deck.current } });
  };
  const deck = new SlideDeck(part(root, 'title-slide'), part(root, 'content'), (slide) => {
    part(root, 'position').textContent = `${slide} / ${deck.count}`;
    lead();
  });
  deck.start();
  deck.bindKeys();
  part(root, 'prev').addEventListener('click', () => deck.show(deck.current - 1));
  part(root, 'next').addEventListener('click', () => deck.show(deck.current + 1));
  followMe.addEventListener('change', lead);

  const code = roomCodeFromUrl('room');
  const token = code ? hostToken(code) : null;
  if (!code || !token) return;
  part(root, 'leading').hidden = false;
  part(root, 'room-code').textContent = code;
  link = openWorkshopLink({
    path: () => code,
    hello: () => ({ type: 'host', token }),
    onMessage: (message) => {
      if (message.type === 'welcome-host') lead();
    },
    onState: (state) => (part(root, 'link-state').textContent = describeLink(state)),
  });
}
