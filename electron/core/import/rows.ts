// One spreadsheet row -> one entry input, checked with exactly the rules of the log form: the zod
// schema `entryCreateInput` and the date rules of shared/entry-rules.ts. Cell formats people use
// (dates in the order the user confirmed, "2:30 PM", "yes") are read here; anything else is
// reported, never guessed.
import { ENTRY_STATUSES, ENTRY_STATUS_LABELS, type EntryStatus } from '../../../shared/domain';
import { entryDateIssues } from '../../../shared/entry-rules';
import { dateProblem, readDateCell, type DateOrder } from '../../../shared/import/dates';
import { entryCreateInput } from '../../../shared/ipc/entries';
import type { ImportMapping } from '../../../shared/ipc/import';
import type { SheetRow } from './table';

export interface CatalogProcedure {
  id: string;
  name: string;
}

export interface ImportTarget {
  trackId: number;
  trackName: string;
  trackStart: string;
  today: string;
  dateOrder: DateOrder | null;
  /** Rows before the track's start are accepted (the commit moves the start to the earliest). */
  moveTrackStart: boolean;
  /**
   * The name a file's procedure is saved under: a catalog procedure (its id and spelling), the
   * name as written (id null), or null when the track's complete catalog does not list it.
   */
  resolveProcedure: (name: string) => { id: string | null; name: string } | null;
  /** The site name a file's site is saved under (the user's site mapping, else as written). */
  resolveSite: (name: string) => string;
}

export interface ImportedEntry {
  line: number;
  performedOn: string;
  performedAt: string | null;
  procedureId: string | null;
  procedureName: string;
  /** As written in the file. */
  fileProcedureName: string;
  siteName: string | null;
  fileSiteName: string | null;
  verifierName: string | null;
  notes: string;
  simulated: boolean;
  status: EntryStatus;
}

export type RowOutcome =
  | { kind: 'ok'; entry: ImportedEntry }
  | { kind: 'problem'; line: number; messages: string[]; beforeStart: string | null }
  | { kind: 'summary'; line: number; text: string };

const FIELD_LABEL: Record<string, string> = {
  performedOn: 'Date',
  performedAt: 'Time',
  procedureName: 'Procedure',
  siteName: 'Site',
  verifierName: 'Verifier',
  notes: 'Notes',
  simulated: 'Simulated',
  status: 'Status',
};

const pad = (n: string) => n.padStart(2, '0');

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

// "Total", "Totals:", "Grand total", "Sum", "Subtotal", "Count" (in any cell of a row that has no date).
const SUMMARY = /^(?:grand\s+|sub\s?)?(?:total|totals|sum|count|summe|gesamt|totaal)\b/i;

function cell(row: SheetRow, col: number | null): string {
  return col === null ? '' : (row.cells[col] ?? '');
}

/** A Total / Sum / Count row: such a word in a cell of a row whose date cell is not a date. */
export function isSummaryRow(row: SheetRow, mapping: ImportMapping, order: DateOrder | null): boolean {
  return readDateCell(cell(row, mapping.date), order).kind !== 'date' && row.cells.some((c) => SUMMARY.test(c.trim()));
}

export function checkRow(row: SheetRow, mapping: ImportMapping, target: ImportTarget): RowOutcome {
  const messages: string[] = [];
  const rawDate = cell(row, mapping.date);
  const read = readDateCell(rawDate, target.dateOrder);
  if (isSummaryRow(row, mapping, target.dateOrder)) return { kind: 'summary', line: row.line, text: row.cells.filter((c) => c.trim()).join(' · ') };
  const date = read.kind === 'date' ? read.iso : null;
  const problem = dateProblem(rawDate, read);
  if (problem) messages.push(problem);
  const simText = cell(row, mapping.simulated).trim().toLowerCase();
  const simulated = YES.has(simText);
  if (!simulated && !NO.has(simText)) messages.push(`Simulated: "${simText}" should be yes or no.`);
  const statusText = cell(row, mapping.status).trim().toLowerCase();
  const status = statusText === '' ? 'draft' : STATUS_BY_TEXT.get(statusText);
  if (!status) messages.push(`Status: "${statusText}" is not one of ${ENTRY_STATUSES.join(', ')}.`);

  const fileSite = cell(row, mapping.site).trim();
  const site = fileSite === '' ? '' : target.resolveSite(fileSite);
  const verifier = cell(row, mapping.verifier).trim();
  const parsed = entryCreateInput.safeParse({
    trackId: target.trackId,
    performedOn: date ?? '2000-01-01', // a missing date is reported above, once
    performedAt: readTime(cell(row, mapping.time)),
    procedureName: cell(row, mapping.procedure),
    siteName: site === '' ? null : site,
    verifierName: verifier === '' ? null : verifier,
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
  let procedure: { id: string | null; name: string } | null = null;
  if (parsed.success) {
    procedure = target.resolveProcedure(parsed.data.procedureName);
    if (!procedure) messages.push(`Procedure: "${parsed.data.procedureName}" is not in this track's catalog; map it to a catalog procedure in the names table.`);
  }
  let beforeStart: string | null = null;
  if (date !== null) {
    for (const issue of entryDateIssues(date, { today: target.today, trackStart: target.trackStart })) {
      if (date < target.trackStart) {
        beforeStart = date;
        if (target.moveTrackStart) continue;
        messages.push(`Date: ${date} is before the track's start date (${target.trackStart}); move the track's start (offered above) to import it.`);
      } else messages.push(`Date: ${issue.message}`);
    }
  }
  if (messages.length > 0 || !parsed.success || date === null || !status || !procedure) {
    return { kind: 'problem', line: row.line, messages, beforeStart };
  }
  const v = parsed.data;
  return {
    kind: 'ok',
    entry: {
      line: row.line,
      performedOn: date,
      performedAt: v.performedAt ?? null,
      procedureId: procedure.id,
      procedureName: procedure.name,
      fileProcedureName: v.procedureName,
      siteName: v.siteName ?? null,
      fileSiteName: fileSite === '' ? null : fileSite,
      verifierName: v.verifierName ?? null,
      notes: v.notes,
      simulated: v.simulated,
      status: v.status,
    },
  };
}
