import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workshopBanner } from './banner.ts';

test('the workshop banner tells the instructor and the attendees where to go, and how to stop', () => {
  const banner = workshopBanner(4321, ['192.168.1.20', '10.0.0.5']);
  assert.match(banner, /Instructor: open http:\/\/localhost:4321\/workshop\/host\//);
  assert.match(banner, /Attendees: open http:\/\/192\.168\.1\.20:4321\/workshop\/join\//);
  assert.match(banner, /or http:\/\/10\.0\.0\.5:4321\/workshop\/join\//);
  assert.match(banner, /[█▀▄]/, 'a QR code drawn with block characters');
  assert.match(banner, /Ctrl\+C/);
});

test('with no network the banner says attendees cannot reach the laptop', () => {
  const banner = workshopBanner(4321, []);
  assert.match(banner, /No network found/);
  assert.doesNotMatch(banner, /[█▀▄]/);
});
