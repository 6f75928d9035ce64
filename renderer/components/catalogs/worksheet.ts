// A worksheet file (PDF, CSV, XLSX) picked in the renderer: sent to the backend as base64, which
// returns its table text for the paste preview. The guided start can pick the file before the
// editor is open; the text then waits here until the editor's paste panel takes it.
import { WORKSHEET_MAX_BYTES, type WorksheetText } from '../../../shared/ipc/catalogs';
import type { Result } from '../../../shared/result';
import { api } from '../../api';
import { readFileAsBase64 } from '../data/files';

export const WORKSHEET_ACCEPT = '.pdf,.csv,.xlsx,application/pdf,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function readWorksheetFile(file: File): Promise<Result<WorksheetText>> {
  if (file.size > WORKSHEET_MAX_BYTES) return { ok: false, error: { kind: 'validation', message: `“${file.name}” is larger than 20 MB; a worksheet is much smaller.` } };
  const dataBase64 = await readFileAsBase64(file);
  return api.catalogs.readWorksheet({ fileName: file.name, dataBase64 });
}

export interface PendingWorksheet {
  fileName: string;
  read: WorksheetText;
}

let pending: PendingWorksheet | null = null;

export function setPendingWorksheet(p: PendingWorksheet | null): void {
  pending = p;
}

export function takePendingWorksheet(): PendingWorksheet | null {
  const p = pending;
  pending = null;
  return p;
}

export function describeRead(fileName: string, read: WorksheetText): string {
  const what = read.format === 'pdf' ? `${read.pages} ${read.pages === 1 ? 'page' : 'pages'} of text` : read.format === 'csv' ? 'the CSV table' : 'the first filled sheet';
  return `Read ${what} from “${fileName}”. Check the preview against your worksheet, then use the procedures.`;
}
