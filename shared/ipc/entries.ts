// Capture channels: the quick log, a whole shift, the paged log table, edits with undo, bulk
// status, per-entry history, and the small look-ups the quick log needs while the user types.
import { z } from 'zod';
import type { Entry, EntryStatus } from '../domain';
import { ENTRY_STATUSES } from '../domain';
import { channel } from './define';
import type { EntryMark } from './signoff';
import { id, isoDate } from './tracks';

export const NOTES_MAX = 2000;
export const PROCEDURE_MAX = 200;
export const SITE_MAX = 120;
export const VERIFIER_MAX = 120;
export const SHIFT_COUNT_MAX = 50;

const procedureName = z
  .string()
  .trim()
  .min(1, 'Name the procedure.')
  .max(PROCEDURE_MAX, { message: `Keep the procedure name under ${PROCEDURE_MAX} characters.`, abort: true });
const procedureId = z.string().max(80, { abort: true }).nullish();
const siteName = z.string().trim().max(SITE_MAX, { message: `Keep the site name under ${SITE_MAX} characters.`, abort: true }).nullish();
const verifierName = z.string().trim().max(VERIFIER_MAX, { message: `Keep the verifier's name under ${VERIFIER_MAX} characters.`, abort: true }).nullish();
const notes = z.string().max(NOTES_MAX, { message: `Keep notes under ${NOTES_MAX} characters.`, abort: true });
const performedAt = z
  .string()
  .max(5, { message: 'Use a 24-hour time as HH:MM.', abort: true })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time as HH:MM.')
  .nullish();

export const entryCreateInput = z.strictObject({
  trackId: id,
  performedOn: isoDate,
  performedAt,
  procedureName,
  procedureId,
  siteName,
  /** The verifier record (Sign-off page); its name is stored with the entry. Wins over verifierName. */
  verifierId: id.nullish(),
  verifierName,
  notes: notes.default(''),
  simulated: z.boolean().default(false),
  /** Reuse the anonymous patient marker of the track's previous entry (never an identifier). */
  samePatientAsPrevious: z.boolean().default(false),
  status: z.enum(ENTRY_STATUSES).default('draft'),
});
export type EntryCreateInput = z.input<typeof entryCreateInput>;

export const entryUpdateInput = z.strictObject({
  id,
  performedOn: isoDate,
  performedAt,
  procedureName,
  procedureId,
  siteName,
  verifierId: id.nullish(),
  verifierName,
  notes,
  simulated: z.boolean(),
  status: z.enum(ENTRY_STATUSES),
});
export type EntryUpdateInput = z.input<typeof entryUpdateInput>;

export const shiftInput = z.strictObject({
  trackId: id,
  performedOn: isoDate,
  siteName,
  verifierId: id.nullish(),
  verifierName,
  simulated: z.boolean().default(false),
  rows: z
    .array(
      z.strictObject({
        procedureName,
        procedureId,
        count: z.number().int().min(1, 'At least 1.').max(SHIFT_COUNT_MAX, `At most ${SHIFT_COUNT_MAX} per row.`),
      }),
    )
    .min(1, 'Add at least one procedure to the shift.')
    .max(100, 'At most 100 rows per shift.'),
});
export type ShiftInput = z.input<typeof shiftInput>;

export const ENTRY_SORTS = ['date-desc', 'date-asc', 'procedure', 'site', 'status'] as const;
export type EntrySort = (typeof ENTRY_SORTS)[number];

export const COUNTING_FILTERS = ['all', 'counts', 'not-counting'] as const;
export type CountingFilter = (typeof COUNTING_FILTERS)[number];

/**
 * Signature state filter: 'holds' leaves out entries whose signature is void (edited since, or their
 * site renamed); 'void' lists only those. The Log's "Signed" and "Signature void" choices.
 */
export const SIGNATURE_FILTERS = ['holds', 'void'] as const;
export type SignatureFilter = (typeof SIGNATURE_FILTERS)[number];

export const entryListInput = z.strictObject({
  trackId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  siteId: id.optional(),
  procedureName: z.string().max(PROCEDURE_MAX, { abort: true }).optional(),
  status: z.enum(ENTRY_STATUSES).optional(),
  signature: z.enum(SIGNATURE_FILTERS).optional(),
  /** Free-text search over procedure, site, verifier and notes. */
  q: z.string().trim().max(100, { abort: true }).optional(),
  /** Whether the requirement engine counts the entry; needs a track (its catalog decides). */
  counting: z.enum(COUNTING_FILTERS).default('all'),
  sort: z.enum(ENTRY_SORTS).default('date-desc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type EntryListInput = z.input<typeof entryListInput>;

/** Whether an entry counts toward the requirements, in words (null: no catalog to judge by). */
export interface EntryJudgement {
  counts: boolean | null;
  text: string;
}

export interface EntryPage {
  rows: Entry[];
  /** Per row id: counts or not, and why not (the engine's reason in plain words). */
  judgements: Record<number, EntryJudgement>;
  /** Each row's review state (signed, void, returned with the reason...), by entry id. */
  marks?: Record<number, EntryMark>;
  total: number;
  /** True when `total` is a lower bound (a filtered view with more matches than counted). */
  totalCapped?: boolean;
}

/** A note that looks like it holds a patient identifier: saved anyway (the UI asked first). */
export interface PhiWarning {
  kind: 'phi';
  message: string;
  findings: Array<{ kind: string; text: string }>;
}
/**
 * Whose entries-per-day limit applies: ARRT's (RadLedger's ARRT or example requirement list, or the
 * discipline's rule when the track has no list), or the user's own requirement list.
 */
export type CapSource = 'arrt' | 'requirements';

export interface DayCap {
  /** The limit on that day, or null when none applies to that date. */
  cap: number | null;
  /** null when there is no limit at all. */
  source: CapSource | null;
  /** The first day the limit applies; null when it applies every day or there is none. */
  from: string | null;
}

/** The day already holds as many entries as its limit counts. */
export interface CapWarning {
  kind: 'over-daily-cap';
  message: string;
  performedOn: string;
  count: number;
  cap: number;
  source: CapSource;
}
export type EntryWarning = PhiWarning | CapWarning;

export interface SavedEntry extends Entry {
  warnings: EntryWarning[];
}

export interface ShiftResult {
  ids: number[];
  created: number;
  warnings: EntryWarning[];
}

export interface DayCount {
  trackId: number;
  performedOn: string;
  /** Live entries of this track already logged for the day. */
  count: number;
  /** The entries-per-day limit for that day (DayCap.cap), or null when none applies to that date. */
  cap: number | null;
  capSource: CapSource | null;
  capFrom: string | null;
  disciplineCode: string;
}

export interface QuickLogMemory {
  siteName: string | null;
  /** The verifier record of the track's last entry, when it named one (and it still exists). */
  verifierId: number | null;
  verifierName: string | null;
}

export interface ProcedureOption {
  id: string | null;
  name: string;
  /** Catalog category name, or "Logged before" for a name typed earlier. */
  group: string;
}

export interface ProcedureOptions {
  /** True when the track's catalog lists procedures: a name outside it is refused. */
  catalogHasProcedures: boolean;
  options: ProcedureOption[];
}

export interface FilterOptions {
  sites: Array<{ id: number; name: string }>;
  procedures: string[];
}

export interface HistoryEvent {
  id: number;
  at: string;
  action: 'create' | 'update' | 'delete' | 'restore' | 'sign' | 'void';
  before: Partial<Entry> | null;
  after: Partial<Entry> | null;
  /** Field names whose value differs between before and after. */
  changed: string[];
}

export interface StatusChange {
  updated: number;
  /** Each entry's status before the change, so the UI can undo it. */
  previous: Array<{ id: number; status: EntryStatus }>;
}

const ids = z.array(id).min(1, 'Select at least one entry.').max(100_000);

export const entryChannels = {
  'entries.create': channel<SavedEntry>()(entryCreateInput),
  'entries.createShift': channel<ShiftResult>()(shiftInput),
  'entries.update': channel<SavedEntry>()(entryUpdateInput),
  'entries.delete': channel<{ deleted: number }>()(z.strictObject({ ids })),
  'entries.restore': channel<{ restored: number }>()(z.strictObject({ ids })),
  'entries.setStatus': channel<StatusChange>()(z.strictObject({ ids, status: z.enum(ENTRY_STATUSES) })),
  /** Undo of a bulk status change: each entry back to its own previous status. */
  'entries.restoreStatuses': channel<StatusChange>()(
    z.strictObject({ changes: z.array(z.strictObject({ id, status: z.enum(ENTRY_STATUSES) })).min(1).max(100_000) }),
  ),
  'entries.list': channel<EntryPage>()(entryListInput),
  'entries.dayCount': channel<DayCount>()(z.strictObject({ trackId: id, performedOn: isoDate })),
  'entries.memory': channel<QuickLogMemory>()(z.strictObject({ trackId: id })),
  'entries.procedureOptions': channel<ProcedureOptions>()(z.strictObject({ trackId: id })),
  'entries.filterOptions': channel<FilterOptions>()(z.strictObject({ trackId: id.optional() })),
  'entries.history': channel<HistoryEvent[]>()(z.strictObject({ id })),
};
