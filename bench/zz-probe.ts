import { chromium } from '@playwright/test';
import { meterTransfers, kb } from './transfer-meter.ts';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const path of ['/lessons/what-is-a-websocket/', '/']) {
const ctx = await b.newContext(); const page = await ctx.newPage(); const m = await meterTransfers(page);
await page.goto('http://127.0.0.1:4499' + path, { waitUntil: 'networkidle' });
for (const r of m.take()) console.log(r.kind.padEnd(10), kb(r.bytes).padStart(9), r.encoding, new URL(r.url).pathname);
console.log('');
}
await b.close();
