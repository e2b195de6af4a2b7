import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { networkInterfaces } from 'node:os';

const wildcard = new Set(['0.0.0.0', '::']);
const loopback = (address: string) => address === '::1' || address.startsWith('127.') || address === 'localhost';

/** Every address of this machine another device on the LAN could use: non-internal IPv4. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address);
}

/** The addresses other devices can reach a server bound to `bound` at: none for loopback. */
export function reachableAddresses(bound: string): string[] {
  if (loopback(bound)) return [];
  return wildcard.has(bound) ? lanAddresses() : [bound];
}

/**
 * The origins attendees can open, for the join URL and QR code the host projects (the host's own
 * browser usually says "localhost", which means nothing on an attendee's phone). Empty when the
 * server listens on loopback only: nobody else can reach it then.
 */
export function lanOrigins(req: IncomingMessage): string[] {
  const server = (req.socket as typeof req.socket & { server?: Server }).server;
  const bound = server?.address() as AddressInfo | string | null | undefined;
  if (!bound || typeof bound === 'string') return [];
  return reachableAddresses(bound.address).map((host) => `http://${host.includes(':') ? `[${host}]` : host}:${bound.port}`);
}
