// One spreadsheet row -> one entry input, checked with exactly the rules of the log form: the zod
// schema `entryCreateInput` and the date rules of shared/entry-rules.ts. Cell formats people use
// (US dates, "2:30 PM", "yes") are read here; anything else is reported, never guessed.
import { isIsoDate } from '../../../shared/dates';
import { ENTRY_STATUSES, ENTRY_STATUS_LABELS, type EntryStatus } from '../../../shared/domain';
import { entryDateIssues } from '../../../shared/entry-rules';
import { entryCreateInput } from '../../../shared/ipc/entries';
import type { ImportMapping } from '../../../shared/ipc/import';
import type { SheetRow } from './table';

export interface CatalogProcedure {
  id: string;
  name: string;
}

export interface ImportTarget {
  trackId: number;
  trackStart: string;
  today: string;
  /**
   * The track's catalog procedures by lower-case name, when its catalog lists any: then, as in the
   * quick log, a procedure must be one of them and takes the catalog's id and spelling.
   */
  catalog: ReadonlyMap<string, CatalogProcedure> | null;
  /** Whether a name the catalog does not list is an error (complete list) or free text (partial). */
  catalogIsBinding: boolean;
}

export interface ImportedEntry {
  line: number;
  performedOn: string;
  performedAt: string | null;
  procedureId: string | null;
  procedureName: string;
  siteName: string | null;
  notes: string;
  simulated: boolean;
  status: EntryStatus;
}

export type RowOutcome = { ok: true; entry: ImportedEntry } | { ok: false; line: number; messages: string[] };

const FIELD_LABEL: Record<string, string> = {
  performedOn: 'Date',
  performedAt: 'Time',
  procedureName: 'Procedure',
  siteName: 'Site',
  notes: 'Notes',
  simulated: 'Simulated',
  status: 'Status',
};

const pad = (n: string) => n.padStart(2, '0');

/** ISO as is; 2026/03/02; US 3/2/2026. Returns null when the text is not one of these. */
export function readDate(text: string): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  let m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
  if (m) return isIsoDate(`${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`) ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : null;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return isIsoDate(`${m[3]}-${pad(m[1]!)}-${pad(m[2]!)}`) ? `${m[3]}-${pad(m[1]!)}-${pad(m[2]!)}` : null;
  return null;
}

/** 8:30, 08:30, 08:30:00, 2:30 PM. Returns the text unchanged when unreadable (zod names the rule). */
export function readTime(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?$/i.exec(t);
  if (!m) return t;
  let h = Number(m[1]);
  const ampm = m[3]?.[0]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return t;
    h = (h % 12) + (ampm === 'p' ? 12 : 0);
  }
  return `${pad(String(h))}:${m[2]}`;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'simulated', 'sim']);
const NO = new Set(['', 'no', 'n', 'false', '0']);

const STATUS_BY_TEXT = new Map<string, EntryStatus>(
  ENTRY_STATUSES.flatMap((s) => [
    [s, s],
    [ENTRY_STATUS_LABELS[s].toLowerCase(), s],
  ]),
);

function cell(row: SheetRow, col: number | null): string {
  return col === null ? '' : (row.cells[col] ?? '');
}

export function checkRow(row: SheetRow, mapping: ImportMapping, target: ImportTarget): RowOutcome {
  const messages: string[] = [];
  const rawDate = cell(row, mapping.date).trim();
  const date = readDate(rawDate);
  if (date === null) {
    messages.push(rawDate === '' ? 'Date: the date is missing.' : `Date: "${rawDate}" is not a date; use YYYY-MM-DD or M/D/YYYY.`);
  }
  const simText = cell(row, mapping.simulated).trim().toLowerCase();
  const simulated = YES.has(simText);
  if (!simulated && !NO.has(simText)) messages.push(`Simulated: "${simText}" should be yes or no.`);
  const statusText = cell(row, mapping.status).trim().toLowerCase();
  const status = statusText === '' ? 'draft' : STATUS_BY_TEXT.get(statusText);
  if (!status) messages.push(`Status: "${statusText}" is not one of ${ENTRY_STATUSES.join(', ')}.`);

  const site = cell(row, mapping.site).trim();
  const parsed = entryCreateInput.safeParse({
    trackId: target.trackId,
    performedOn: date ?? '2000-01-01', // a missing date is reported above, once
    performedAt: readTime(cell(row, mapping.time)),
    procedureName: cell(row, mapping.procedure),
    siteName: site === '' ? null : site,
    notes: cell(row, mapping.notes).trim(),
    simulated,
    status: status ?? 'draft',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      messages.push(`${FIELD_LABEL[field] ?? field}: ${issue.message}`);
    }
  }
  let procedure: CatalogProcedure | null = null;
  if (parsed.success && target.catalog) {
    procedure = target.catalog.get(parsed.data.procedureName.toLowerCase()) ?? null;
    if (!procedure && target.catalogIsBinding) messages.push(`Procedure: "${parsed.data.procedureName}" is not in this track's catalog.`);
  }
  if (date !== null) {
    for (const issue of entryDateIssues(date, { today: target.today, trackStart: target.trackStart })) messages.push(`Date: ${issue.message}`);
  }
  if (messages.length > 0 || !parsed.success || date === null || !status) return { ok: false, line: row.line, messages };
  const v = parsed.data;
  return {
    ok: true,
    entry: {
      line: row.line,
      performedOn: date,
      performedAt: v.performedAt ?? null,
      procedureId: procedure?.id ?? null,
      procedureName: procedure?.name ?? v.procedureName,
      siteName: v.siteName ?? null,
      notes: v.notes,
      simulated: v.simulated,
      status: v.status,
    },
  };
}
