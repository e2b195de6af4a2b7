import { renderSVG } from 'uqr';

/**
 * A QR code of the join URL as inline SVG, made in the browser: no network, works offline.
 * The URL is ours (origin + room code), never attendee input.
 */
export function drawQr(target: HTMLElement, url: string): void {
  const svg = new DOMParser().parseFromString(renderSVG(url, { border: 2 }), 'image/svg+xml').documentElement;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `QR code for ${url}`);
  target.replaceChildren(document.importNode(svg, true));
}
