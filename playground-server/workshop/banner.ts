import { renderUnicodeCompact } from 'uqr';

/**
 * What `npm run workshop` prints once the server is up: where the instructor starts, where
 * attendees go (with a QR code of that address), and how to stop. Made locally, no network.
 */
export function workshopBanner(port: number, lanAddresses: readonly string[]): string {
  const host = `http://localhost:${port}/workshop/host/`;
  const joins = lanAddresses.map((address) => `http://${address}:${port}/workshop/join/`);
  const lines = [
    '',
    'Duplex workshop is running.',
    '',
    `  Instructor: open ${host} on this laptop and press "Start a room".`,
  ];
  if (joins.length === 0) {
    lines.push('', '  No network found: attendees cannot reach this laptop. Join a Wi-Fi network and run `npm run workshop` again.');
  } else {
    lines.push('', `  Attendees: open ${joins[0]} (or scan the code below)`);
    for (const other of joins.slice(1)) lines.push(`             or ${other}`);
    lines.push('', renderUnicodeCompact(joins[0]!, { border: 2 }));
  }
  lines.push('', '  Stop the workshop with Ctrl+C (attendees see "reconnecting" until it is back).', '');
  return lines.join('\n');
}
