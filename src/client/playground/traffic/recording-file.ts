import { parseRecording, type Recording, type RecordingRead } from '../../../../protocol/recording.ts';
import { el } from '../../dom.ts';
import { downloadFile } from '../../download.ts';
import { harOf } from './recording-har.ts';

/** Refused before reading: a recording at its bounds (2,000 frames with 64 KiB payloads) is far below this. */
const maxFileBytes = 16 * 1024 * 1024;

const fileStem = (recording: Recording) => `duplex-recording-${recording.recordedAt.replace(/[:.]/g, '-')}`;

/** Saves a recording as a JSON file (the browser's download). */
export function downloadRecording(recording: Recording): void {
  downloadFile(`${fileStem(recording)}.json`, [JSON.stringify(recording, null, 2)], 'application/json');
}

/** Saves a recording's WebSocket messages as a HAR file, for tools that read DevTools' HAR export. */
export function downloadHar(recording: Recording): void {
  downloadFile(`${fileStem(recording)}.har`, [JSON.stringify(harOf(recording), null, 2)], 'application/json');
}

/** Reads a file the learner picked; a wrong, damaged or oversized one comes back with a reason. */
export async function readRecordingFile(file: File): Promise<RecordingRead> {
  if (file.size > maxFileBytes) return { ok: false, message: `This file is ${(file.size / 1048576).toFixed(1)} MiB; a Duplex recording is at most 16 MiB.` };
  return parseRecording(await file.text());
}

/** A button that opens the file picker for a recording and hands the reading on; `pick` opens it from elsewhere. */
export function importButton(onRead: (read: RecordingRead) => void): { element: HTMLElement; pick: () => void } {
  const input = el('input', { type: 'file', accept: 'application/json,.json', hidden: true });
  const button = el('button', { type: 'button', className: 'duplex-control' }, 'Import recording');
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void readRecordingFile(file).then(onRead);
  });
  return { element: el('span', {}, button, input), pick: () => input.click() };
}
