/**
 * A raw byte connection from the page to a lab, over `WS /ws/lab-pipe/<id>` (a page cannot open
 * TCP; the server joins this pipe to the lab exactly as a TCP connection). Shaped as a byte pipe
 * (write, onData, close, closed) so raw clients — a check's, or a conformance suite's — can use it.
 */
export interface LabPipe {
  write(bytes: Uint8Array): void;
  onData(listener: (bytes: Uint8Array) => void): void;
  close(): void;
  readonly closed: Promise<void>;
}

/** Well under the server's smallest sensible --max-payload; TCP would cut a stream anyway. */
const pieceBytes = 16 * 1024;

/** `ws://host/lab/<id>/…` → `ws://host/ws/lab-pipe/<id>`. */
export const pipeUrlOf = (labUrl: string) => labUrl.replace(/\/lab\/([^/]+).*$/, '/ws/lab-pipe/$1');

/** Opens the pipe; rejects with why if the server refuses it. */
export function openLabPipe(labUrl: string, open: (url: string) => WebSocket = (url) => new WebSocket(url)): Promise<LabPipe> {
  const ws = open(pipeUrlOf(labUrl));
  ws.binaryType = 'arraybuffer';
  const closed = new Promise<void>((resolve) => ws.addEventListener('close', () => resolve()));
  return new Promise((resolve, reject) => {
    ws.addEventListener('close', (event: CloseEvent) => reject(new Error(`the page could not open a raw connection to the lab (${event.code})`)));
    ws.addEventListener('open', () =>
      resolve({
        write(bytes) {
          if (ws.readyState !== WebSocket.OPEN) return;
          // One pipe message must fit the server's --max-payload: long writes go in pieces, in order.
          for (let at = 0; at < bytes.length; at += pieceBytes) ws.send(bytes.subarray(at, at + pieceBytes));
        },
        onData: (listener) => ws.addEventListener('message', (event: MessageEvent) => listener(new Uint8Array(event.data as ArrayBuffer))),
        close: () => ws.close(),
        closed,
      }),
    );
  });
}
