import type { CaseResult } from './runner.ts';

/**
 * One case's observations as plain text (handshake, who closed TCP, frames sent and received),
 * shared by every reader of a report: the HTML file and the lab page write the same words.
 */
export interface CaseText {
  handshake: string;
  tcp: string;
  sent: string;
  received: string;
}

export function caseText(c: CaseResult): CaseText {
  const sent = c.sent.map((s) => `@${s.atMs} ms, ${s.bytes} bytes${s.chop ? ` (${s.chop})` : ''}\n  ${s.frames.join('\n  ')}\n  wire: ${s.wire}`).join('\n');
  const received = c.received
    .map((f) => {
      const close = f.opcode === 'close' ? ` code=${f.code ?? 'none'} reason=${JSON.stringify(f.reason)}` : '';
      return `@${f.atMs} ms ${f.opcode} ${f.fin ? 'FIN' : 'no FIN'} rsv=${f.rsv.toString(2).padStart(3, '0')}${f.masked ? ' MASKED' : ''} ${f.payloadLength} bytes ${f.preview}${close}`;
    })
    .join('\n');
  return {
    handshake: c.handshake
      ? `${c.handshake.status ?? 'no response'} in ${c.handshake.ms ?? '–'} ms${c.handshake.problems.length ? `: ${c.handshake.problems.join('; ')}` : ''}`
      : 'not attempted',
    tcp: c.tcpClosed ? `TCP closed by the ${c.tcpClosed.by} at ${c.tcpClosed.atMs} ms` : 'TCP still open when the case ended',
    sent: sent || '(nothing)',
    received: received || '(nothing)',
  };
}
