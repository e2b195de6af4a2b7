import { openWorkshopLink, type WorkshopLink } from './connection.ts';
import { el, part } from '../dom.ts';
import { describeLink } from './describe-link.ts';
import { SlideDeck } from './slide-deck.ts';
import { keepSlideFitted } from './slide-fit.ts';
import { hostToken } from './storage.ts';
import { roomCodeFromUrl } from './urls.ts';

/**
 * The presentation page: the lesson as slides. Opened by the host with `?room=<code>` (this
 * browser holding the room's host token), it also leads the room: with Follow me on, every slide
 * change is sent to the attendees' screens.
 */
export function startPresentation(root: HTMLElement): void {
  const lesson = root.dataset.lesson ?? '';
  const params = new URLSearchParams(location.search);
  const speaker = params.has('speaker');
  // Inside an attendee's page the deck is a frame: leaving the slides there would strand them.
  part(root, '[data-role="exit"]').hidden = params.has('embed');
  part(root, '[data-role="open-speaker"]').hidden = params.has('embed') || speaker;
  // The projector window and the speaker window of one lesson move together (not a deck framed
  // in an attendee's page: that one follows the room).
  const sync = params.has('embed') ? null : new BroadcastChannel(`duplex-slides-${lesson}`);
  let link: WorkshopLink | null = null;
  const followMe = part<HTMLInputElement>(root, '[data-role="follow-me"]');
  const lead = () => {
    if (followMe.checked) link?.send({ type: 'follow', location: { lesson, slide: deck.current } });
  };
  // A slide is at most one screen: a long section is scaled down to fit (then scrolls).
  const fit = keepSlideFitted(part(root, '[data-role="stage"]'), part(root, '[data-role="slide"]'));
  const deck = new SlideDeck(part(root, '[data-role="title-slide"]'), part(root, '[data-role="content"]'), (slide) => {
    part(root, '[data-role="position"]').textContent = `${slide} / ${deck.count}`;
    fit();
    sync?.postMessage(slide);
    if (speaker) showSpeakerNotes(root, deck);
    lead();
  });
  sync?.addEventListener('message', (event) => typeof event.data === 'number' && deck.show(event.data));
  part(root, '[data-role="open-speaker"]').addEventListener('click', () => window.open(`${location.pathname}?speaker#${deck.current}`, `duplex-speaker-${lesson}`));
  if (speaker) startSpeakerView(root);
  deck.start();
  deck.bindKeys();
  part(root, '[data-role="prev"]').addEventListener('click', () => deck.show(deck.current - 1));
  part(root, '[data-role="next"]').addEventListener('click', () => deck.show(deck.current + 1));
  followMe.addEventListener('change', lead);

  const code = roomCodeFromUrl('room');
  const token = code ? hostToken(code) : null;
  if (!code || !token) return;
  part(root, '[data-role="leading"]').hidden = false;
  part(root, '[data-role="room-code"]').textContent = code;
  link = openWorkshopLink({
    path: () => code,
    hello: () => ({ type: 'host', token }),
    onMessage: (message) => {
      if (message.type === 'welcome-host') lead();
    },
    onState: (state) => (part(root, '[data-role="link-state"]').textContent = describeLink(state)),
  });
}

function startSpeakerView(root: HTMLElement): void {
  root.dataset.speaker = '';
  part(root, '[data-role="speaker"]').hidden = false;
  const started = Date.now();
  const tick = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    part(root, '[data-role="elapsed"]').textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} elapsed`;
  };
  tick();
  setInterval(tick, 1000);
}

function showSpeakerNotes(root: HTMLElement, deck: SlideDeck): void {
  part(root, '[data-role="next-title"]').textContent = deck.titleOf(deck.current + 1) ?? 'the end';
  const notes = deck.notesOf(deck.current);
  part(root, '[data-role="notes"]').replaceChildren(...(notes.length ? notes.map((note) => el('p', {}, note)) : [el('p', { className: 'ws-muted' }, 'No notes for this slide.')]));
}
