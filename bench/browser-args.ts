/** Chromium flags for every browser we drive (e2e and benchmarks): Debian's Chromium as root, no background traffic. */
export const benchBrowserArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
