// The progress engine: given a requirement catalog and a log, what counts toward the credential,
// what is still missing, and why each entry that does not count does not. Pure: no I/O, no clock
// (today comes in the context), no database types.
//
// Exported API
//   evaluate(catalog, entries, context) -> Evaluation (its `entries`, the verdicts, built when first read)
//   withVerdicts(evaluation, verdicts)  a copy with other verdicts, without building the original's
//   TrackEvaluator                      the same engine kept current entry by entry: replace(before,
//                                       after), evaluation(), dayTotals() (per-day counted figures)
//   EngineEntry, EngineContext          the engine's own input types
//   Evaluation, ProcedureProgress, CategoryProgress, ElectiveRuleProgress, Totals, MissingItem,
//   EntryVerdict, ExpiringEntry, EngineWarning   the output consumed by capture and dashboard UIs
//   NOT_COUNTING_REASONS, NotCountingReason, reasonText(reason, catalog)   why an entry does not count
//
// Rules applied (docs/requirements-engine.md has each rule with its ARRT source):
// - entries in the future or before the track start are rejected;
// - entries whose procedure the catalog does not list do not count (only for a complete catalog;
//   a partial or unknown catalog counts them as "uncatalogued" so caps and expiry still apply);
// - simulated entries count only where the procedure allows simulation;
// - the window: entries older than windowMonths before the application date (planned, else today)
//   are expired; once an exam window is assigned the window is frozen at the lock date (windowOf):
//   entries outside it then stay expired and nothing else expires;
// - per QC test per day, per patient per day (non-QC entries with a marker), per procedure maximum,
//   and the daily entry cap (dates on/after dailyCapAppliesFrom).
// Entries are taken in one deterministic order: date performed, time performed (untimed entries last
// in their day), time logged, id. Each day is judged on its own (judgeDay); only the count of each
// procedure with a maximum crosses from one day to the next, which is what lets TrackEvaluator
// re-judge just the days an edit touched. An entry counts when every cap still has room for it; only then
// does it take its place in each cap. Within one day the caps form a matroid, so the number counted
// per day never drops when an entry is added. Across days, a per-procedure maximum can let a new
// early entry displace a later one (documented in docs/requirements-engine.md).
import type { Catalog, Procedure, ProcedureKind } from '../catalog/schema';
import { addMonthsIso, daysBetween } from './calendar';

export interface EngineEntry {
  id: number;
  performedOn: string;
  /** 'HH:MM' or null when the time was not logged. */
  performedAt: string | null;
  /** ISO instant the entry was logged; breaks ties within a day. */
  createdAt: string;
  procedureId: string | null;
  simulated: boolean;
  /** Anonymous same-patient marker (entries of one patient on one day share it); never an identifier. */
  patientMarker: number | null;
}

export interface EngineContext {
  today: string;
  trackStart: string;
  plannedApplicationDate: string | null;
  examWindowAssignedOn: string | null;
  mqsaQualifiedOn: string | null;
  /**
   * The date whose window froze when the exam window was assigned (stored on the track): the
   * application date if known, else the day the exam window was assigned. When absent it is worked
   * out from the two dates above (windowLockDate).
   */
  windowLockedOn?: string | null;
}

/**
 * The date whose 24-month window is frozen once an exam window is assigned, or null while entries
 * still expire. ARRT: nothing expires further once the exam window is assigned, but an entry already
 * outside the window on the application date stays expired. The planned application date counts as
 * the application date when it is on or before the assignment (the application was made); otherwise
 * the application date is unknown and the assignment day stands in for it.
 */
export function windowLockDate(context: Pick<EngineContext, 'examWindowAssignedOn' | 'plannedApplicationDate' | 'windowLockedOn'>): string | null {
  const assigned = context.examWindowAssignedOn;
  if (assigned === null) return null;
  if (context.windowLockedOn) return context.windowLockedOn;
  const applied = context.plannedApplicationDate;
  return applied !== null && applied <= assigned ? applied : assigned;
}

/**
 * The window an entry (or education activity) must fall in: the application date it is measured
 * from, its first day (null when the catalog has no window), and whether it is locked.
 */
export function windowOf(
  windowMonths: number | null,
  context: EngineContext,
): { applicationDate: string; windowStart: string | null; locked: boolean; lockedOn: string | null } {
  const lockedOn = windowLockDate(context);
  const applicationDate = lockedOn ?? context.plannedApplicationDate ?? context.today;
  const windowStart = windowMonths !== null ? addMonthsIso(applicationDate, -windowMonths) : null;
  return { applicationDate, windowStart, locked: lockedOn !== null, lockedOn };
}

export const NOT_COUNTING_REASONS = [
  'in-future',
  'before-track-start',
  'not-in-catalog',
  'simulation-not-allowed',
  'expired',
  'over-qc-test-day-cap',
  'over-patient-day-cap',
  'over-max-counted',
  'over-daily-cap',
] as const;
export type NotCountingReason = (typeof NOT_COUNTING_REASONS)[number];

export type EntryFlag = 'before-mqsa' | 'simulation-rule-unknown' | 'uncatalogued';

export interface EntryVerdict {
  id: number;
  counts: boolean;
  reason: NotCountingReason | null;
  flags: readonly EntryFlag[];
  /** Last application date on which this entry is still inside the window; null if it never expires. */
  validThrough: string | null;
}

export interface ProcedureProgress {
  procedureId: string;
  name: string;
  categoryId: string;
  kind: ProcedureKind;
  required: number | null;
  maxCounted: number | null;
  performed: number;
  counted: number;
  /** Repetitions still needed to complete this procedure (null when `required` is unknown). */
  remaining: number | null;
  met: boolean;
  /** Counts toward what the track still needs: mandatory, or an elective chosen by the rules. */
  needed: boolean;
}

export interface CategoryProgress {
  categoryId: string;
  name: string;
  required: number | null;
  performed: number;
  counted: number;
  remaining: number | null;
  mandatoryMet: boolean | null;
}

export interface ElectiveRuleProgress {
  categoryId: string | null;
  required: number;
  completed: number;
  remaining: number;
  /** Electives in the rule's scope: fewer than `required` means the catalog cannot satisfy the rule. */
  available: number;
  /** The electives picked to satisfy the rule: completed ones first, then the fewest remaining. */
  chosen: string[];
}

export interface Totals {
  required: number | null;
  performed: number;
  counted: number;
  remaining: number | null;
  /** Counted entries the catalog does not list (partial or unknown catalogs only). */
  uncatalogued: number;
  notCounting: Record<NotCountingReason, number>;
}

export type MissingKind = 'catalog' | 'procedure' | 'electives' | 'elective-procedure' | 'total';
export interface MissingItem {
  kind: MissingKind;
  text: string;
  /** How many more (repetitions or electives); null when not known. */
  count: number | null;
  procedureId?: string;
  categoryId?: string | null;
}

export interface ExpiringEntry {
  entryId: number;
  performedOn: string;
  validThrough: string;
  /** Days from the application date to validThrough. */
  daysLeft: number;
  within: 30 | 60 | 90;
}

export interface EngineWarning {
  kind: 'mqsa-date-missing' | 'entries-before-mqsa';
  message: string;
}

export interface Evaluation {
  applicationDate: string;
  /** Earliest date still inside the window (frozen once locked); null when the catalog has none. */
  windowStart: string | null;
  /** An exam window is assigned: nothing expires any more (entries already outside stay expired). */
  locked: boolean;
  /** The date the window was frozen at (application date, else exam-window assignment); null when not locked. */
  lockedOn: string | null;
  procedures: ProcedureProgress[];
  categories: CategoryProgress[];
  electiveRules: ElectiveRuleProgress[];
  totals: Totals;
  /** null when the catalog does not say enough to decide. */
  mandatoryMet: boolean | null;
  complete: boolean | null;
  missing: MissingItem[];
  /** One verdict per entry, in the engine's deterministic order. */
  entries: EntryVerdict[];
  /** Counted entries that leave the window within 90 days of the application date, soonest first. */
  expiring: ExpiringEntry[];
  warnings: EngineWarning[];
}

export function reasonText(reason: NotCountingReason, catalog: Catalog): string {
  switch (reason) {
    case 'in-future':
      return 'The date is in the future.';
    case 'before-track-start':
      return 'The date is before this track starts.';
    case 'not-in-catalog':
      return 'The procedure is not in this requirement catalog.';
    case 'simulation-not-allowed':
      return 'This procedure may not be simulated.';
    case 'expired':
      return `Performed more than ${catalog.windowMonths?.value ?? '?'} months before the application date (or before the exam window froze the window).`;
    case 'over-qc-test-day-cap':
      return `Only ${catalog.perQcTestPerDay?.value ?? '?'} submission per QC test per day.`;
    case 'over-patient-day-cap':
      return `Only ${catalog.perPatientPerDay?.value ?? '?'} procedures count per patient per day.`;
    case 'over-max-counted':
      return 'The maximum number of repetitions that count for this procedure is reached.';
    case 'over-daily-cap':
      return `Over the daily limit of ${catalog.dailyCap?.value ?? '?'} entries: keep it, but it cannot be reported for this day.`;
  }
}

const UNTIMED = 24 * 60;

/**
 * Minutes after midnight of an 'HH:MM' time, 0..UNTIMED - 1; untimed entries (and a time that is not
 * HH:MM, which the contract refuses) sort after timed ones in their day.
 */
function minutesOf(t: string | null): number {
  if (t === null || t.length < 5) return UNTIMED;
  const m = (t.charCodeAt(0) - 48) * 600 + (t.charCodeAt(1) - 48) * 60 + (t.charCodeAt(3) - 48) * 10 + (t.charCodeAt(4) - 48);
  return m >= 0 && m < UNTIMED ? m : UNTIMED;
}

/** An entry's flags as bits (judgeDay), and each combination as one shared list, in this order. */
const FLAG_BIT = { uncatalogued: 1, 'simulation-rule-unknown': 2, 'before-mqsa': 4 } as const satisfies Record<EntryFlag, number>;
const FLAG_SETS: ReadonlyArray<readonly EntryFlag[]> = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze((Object.keys(FLAG_BIT) as EntryFlag[]).filter((f) => (bits & FLAG_BIT[f]) !== 0)),
);

function emptyReasonCounts(): Record<NotCountingReason, number> {
  return Object.fromEntries(NOT_COUNTING_REASONS.map((r) => [r, 0])) as Record<NotCountingReason, number>;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

type Proc = Procedure & { categoryId: string };

/** Everything that depends only on the catalog and the context, worked out once per evaluator. */
interface Rules {
  procs: Proc[];
  procIndex: Map<string, number>;
  catalogComplete: boolean;
  windowMonths: number | null;
  applicationDate: string;
  windowStart: string | null;
  locked: boolean;
  lockedOn: string | null;
  dailyCap: number | null;
  capFrom: string;
  perPatient: number | null;
  perQc: number | null;
  mqsaRequired: boolean;
  mqsaOn: string | null;
  today: string;
  trackStart: string;
  /** Indices of the procedures with a maximum that counts: the only state carried from day to day. */
  capped: number[];
  /** Per procedure, its index in `capped` (-1: no maximum). */
  cappedSlot: Int32Array;
}

function rulesOf(catalog: Catalog, context: EngineContext): Rules {
  const procs: Proc[] = [];
  const procIndex = new Map<string, number>();
  const capped: number[] = [];
  for (const c of catalog.categories) {
    for (const p of c.procedures) {
      procIndex.set(p.id, procs.length);
      if (p.maxCounted !== null) capped.push(procs.length);
      procs.push({ ...p, categoryId: c.id });
    }
  }
  const windowMonths = catalog.windowMonths?.value ?? null;
  // Once the exam window is assigned the window is frozen at the lock date: entries already outside
  // it stay expired, and nothing counted expires any more (validThrough null, no expiring list).
  const { applicationDate, windowStart, locked, lockedOn } = windowOf(windowMonths, context);
  return {
    procs,
    procIndex,
    catalogComplete: catalog.proceduresStatus === 'complete',
    windowMonths,
    applicationDate,
    windowStart,
    locked,
    lockedOn,
    dailyCap: catalog.dailyCap?.value ?? null,
    capFrom: catalog.dailyCapAppliesFrom?.value ?? '',
    perPatient: catalog.perPatientPerDay?.value ?? null,
    perQc: catalog.perQcTestPerDay?.value ?? null,
    mqsaRequired: catalog.mqsaRequired?.value === true,
    mqsaOn: context.mqsaQualifiedOn,
    today: context.today,
    trackStart: context.trackStart,
    capped,
    cappedSlot: Int32Array.from(procs, (_, i) => capped.indexOf(i)),
  };
}

/**
 * What one day contributes to the evaluation. The public part (DayTotals) lets a caller fold
 * per-day figures (charts, forecasts) over a few hundred days instead of 100,000 verdicts.
 */
export interface DayTotals {
  readonly day: string;
  /** Counted entries per procedure, in the catalog's order (that of Evaluation.procedures). */
  readonly counted: Int32Array;
  /** Counted entries the catalog does not list. */
  readonly uncatalogued: number;
  /** The last application date on which this day's entries are inside the window; null if they never expire. */
  readonly validThrough: string | null;
}

interface DayResult extends DayTotals {
  /**
   * One array for the day's counters, summed in one loop: performed per procedure, then counted per
   * procedure (`counted` is a view of that part), then one per NOT_COUNTING_REASONS index. One
   * allocation per day: a track holds one result per day it has entries on.
   */
  counters: Int32Array;
  beforeMqsa: number;
  /**
   * Per entry, in the day's deterministic order: its id, why it does not count (an index in
   * NOT_COUNTING_REASONS; -1: it counts) and its flags (FLAG_BIT). The verdict objects are built
   * from these only when a caller reads them (dayVerdicts): most callers (dashboard, forecasts,
   * documents) never do, and 100,000 objects per evaluation were most of its allocation.
   */
  ids: Float64Array;
  reasons: Int8Array;
  flagBits: Uint8Array;
  verdicts: EntryVerdict[] | null;
  expiring: ExpiringEntry[];
}

// Indices into NOT_COUNTING_REASONS: the judging loop works with numbers, one lookup per verdict.
const IN_FUTURE = NOT_COUNTING_REASONS.indexOf('in-future');
const BEFORE_TRACK_START = NOT_COUNTING_REASONS.indexOf('before-track-start');
const NOT_IN_CATALOG = NOT_COUNTING_REASONS.indexOf('not-in-catalog');
const SIMULATION_NOT_ALLOWED = NOT_COUNTING_REASONS.indexOf('simulation-not-allowed');
const EXPIRED = NOT_COUNTING_REASONS.indexOf('expired');
const OVER_QC = NOT_COUNTING_REASONS.indexOf('over-qc-test-day-cap');
const OVER_PATIENT = NOT_COUNTING_REASONS.indexOf('over-patient-day-cap');
const OVER_MAX = NOT_COUNTING_REASONS.indexOf('over-max-counted');
const OVER_DAILY_CAP = NOT_COUNTING_REASONS.indexOf('over-daily-cap');

/**
 * What judging reads of a day's entries, one slot per entry in the day's order, in columns: read
 * from the entry objects once (readFacts), so judging never goes back to them.
 */
interface Facts {
  ids: Float64Array;
  /** Index in Rules.procs; -1: no procedure, or one the catalog does not list. */
  procs: Int32Array;
  /** The same-patient marker; NaN: none. */
  markers: Float64Array;
  /** 1: simulated. */
  simulated: Uint8Array;
}

function newFacts(n: number): Facts {
  return { ids: new Float64Array(n), procs: new Int32Array(n), markers: new Float64Array(n), simulated: new Uint8Array(n) };
}

function readFacts(rules: Rules, e: EngineEntry, facts: Facts, at: number): void {
  facts.ids[at] = e.id;
  facts.procs[at] = e.procedureId === null ? -1 : (rules.procIndex.get(e.procedureId) ?? -1);
  facts.markers[at] = e.patientMarker ?? Number.NaN;
  facts.simulated[at] = e.simulated ? 1 : 0;
}

/**
 * Judges one day's entries (their facts, in the deterministic order). `countedBefore[j]` is how
 * many entries of the capped procedure `rules.capped[j]` counted on earlier days.
 */
function judgeDay(rules: Rules, day: string, facts: Facts, countedBefore: Int32Array): DayResult {
  const { procs, windowStart, windowMonths, locked, dailyCap, perQc, perPatient } = rules;
  // Laid out as DayResult.counters says: performed at pi, counted at P + pi, reason r at 2P + r.
  const P = procs.length;
  const counters = new Int32Array(2 * P + NOT_COUNTING_REASONS.length);
  const n = facts.ids.length;
  const reasons = new Int8Array(n);
  const flagBits = new Uint8Array(n);
  const expiring: ExpiringEntry[] = [];
  let uncatalogued = 0;
  let beforeMqsa = 0;
  // Everything that depends only on the day is decided once.
  const dayReason = day > rules.today ? IN_FUTURE : day < rules.trackStart ? BEFORE_TRACK_START : -1;
  const expired = windowStart !== null && day < windowStart;
  const capToday = dailyCap !== null && day >= rules.capFrom ? dailyCap : Number.POSITIVE_INFINITY;
  const validThrough = windowMonths !== null && !locked ? addMonthsIso(day, windowMonths) : null;
  const daysLeft = validThrough === null ? Number.POSITIVE_INFINITY : daysBetween(rules.applicationDate, validThrough);
  const beforeMqsaDay = rules.mqsaRequired && rules.mqsaOn !== null && day < rules.mqsaOn;
  let dayCount = 0;
  // Created only on days that need them (most catalogs have no per-patient or QC limit).
  let patientCount: Map<number, number> | null = null;
  let qcCount: Map<number, number> | null = null;

  for (let k = 0; k < n; k++) {
    const pi = facts.procs[k]!;
    const marker = facts.markers[k]!;
    const hasMarker = marker === marker; // not NaN
    const simulated = facts.simulated[k] === 1;
    const proc = pi < 0 ? null : procs[pi]!;
    if (proc) counters[pi]!++;
    const isQc = proc !== null && proc.qcTest;

    // The reason as its index in NOT_COUNTING_REASONS (-1: counts).
    let reason = dayReason;
    if (reason < 0) {
      if (!proc && rules.catalogComplete) reason = NOT_IN_CATALOG;
      else if (simulated && proc !== null && proc.simulationAllowed === false) reason = SIMULATION_NOT_ALLOWED;
      else if (expired) reason = EXPIRED;
      else if (isQc && perQc !== null && (qcCount?.get(pi) ?? 0) >= perQc) reason = OVER_QC;
      else if (!isQc && perPatient !== null && hasMarker && (patientCount?.get(marker) ?? 0) >= perPatient) reason = OVER_PATIENT;
      else if (proc !== null && proc.maxCounted !== null && countedBefore[rules.cappedSlot[pi]!]! + counters[P + pi]! >= proc.maxCounted.value) reason = OVER_MAX;
      else if (dayCount >= capToday) reason = OVER_DAILY_CAP;
    }

    reasons[k] = reason;
    if (reason < 0) {
      // Accepted: only now does the entry take its place in every cap.
      dayCount++;
      if (isQc) (qcCount ??= new Map()).set(pi, (qcCount.get(pi) ?? 0) + 1);
      else if (hasMarker) (patientCount ??= new Map()).set(marker, (patientCount.get(marker) ?? 0) + 1);
      let bits = 0;
      if (proc) counters[P + pi]!++;
      else {
        uncatalogued++;
        bits |= FLAG_BIT.uncatalogued;
      }
      if (simulated && (proc?.simulationAllowed ?? null) === null) bits |= FLAG_BIT['simulation-rule-unknown'];
      if (beforeMqsaDay) {
        bits |= FLAG_BIT['before-mqsa'];
        beforeMqsa++;
      }
      flagBits[k] = bits;
      if (daysLeft <= 90) {
        expiring.push({ entryId: facts.ids[k]!, performedOn: day, validThrough: validThrough!, daysLeft, within: daysLeft <= 30 ? 30 : daysLeft <= 60 ? 60 : 90 });
      }
    } else {
      counters[2 * P + reason]!++;
    }
  }
  return { day, counters, counted: counters.subarray(P, 2 * P), uncatalogued, beforeMqsa, ids: facts.ids, reasons, flagBits, verdicts: null, expiring, validThrough };
}

/** A day's verdicts, built on first use and kept with the day's result. */
function dayVerdicts(d: DayResult): EntryVerdict[] {
  if (d.verdicts) return d.verdicts;
  const n = d.ids.length;
  const verdicts: EntryVerdict[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const r = d.reasons[k]!;
    verdicts[k] = { id: d.ids[k]!, counts: r < 0, reason: r < 0 ? null : NOT_COUNTING_REASONS[r]!, flags: FLAG_SETS[d.flagBits[k]!]!, validThrough: d.validThrough };
  }
  return (d.verdicts = verdicts);
}

interface DayState {
  day: string;
  entries: EngineEntry[];
  /** What judging reads of `entries`, in the same order; null while the day is dirty. */
  facts: Facts | null;
  /** The entries changed since the day was last judged (the order is then unknown too). */
  dirty: boolean;
  /** The capped procedures' counts from earlier days this result was judged with. */
  countedBefore: Int32Array;
  result: DayResult | null;
}

/**
 * The entries grouped by day, days ascending, each day's entries in the deterministic order (time
 * performed, untimed last; time logged; id) and their facts read, ready to be judged. A full
 * evaluation passes every entry; a day an edit touched passes that day's.
 *
 * A full evaluation is bound by memory, not arithmetic: going back to 100,000 entry objects day by
 * day (they sit in memory in the order given, for a log read from the database) cost more than all
 * the judging. So each object is read once, in the order given, into typed arrays: its day, minute,
 * time logged (LoggedKeys) and facts. Two stable counting sorts (by minute, then by day) order the
 * positions without a comparison; only entries that share a day and a minute are then compared, by
 * time logged and id. Then the facts are gathered in that order, one stretch per day.
 */
function inDayOrder(rules: Rules, entries: readonly EngineEntry[]): DayState[] {
  const n = entries.length;
  const dayOf = new Int32Array(n);
  const minuteOf = new Int32Array(n);
  const facts = newFacts(n);
  const logged = new LoggedKeys(n);
  const dayIndex = new Map<string, number>();
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    let d = dayIndex.get(e.performedOn);
    if (d === undefined) {
      d = names.length;
      dayIndex.set(e.performedOn, d);
      names.push(e.performedOn);
    }
    dayOf[i] = d;
    minuteOf[i] = minutesOf(e.performedAt);
    logged.read(e.createdAt, i);
    readFacts(rules, e, facts, i);
  }
  // Day indices in first-seen order become ranks in date order.
  const sortedNames = names.slice().sort();
  const rank = new Int32Array(names.length);
  for (let r = 0; r < sortedNames.length; r++) rank[dayIndex.get(sortedNames[r]!)!] = r;
  for (let i = 0; i < n; i++) dayOf[i] = rank[dayOf[i]!]!;
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[i] = i;
  const order = countingSort(countingSort(positions, minuteOf, UNTIMED + 1), dayOf, names.length);

  // Entries that share a day and a minute: by time logged, then id.
  for (let i = 0; i < n; ) {
    const day = dayOf[order[i]!]!;
    const minute = minuteOf[order[i]!]!;
    let j = i + 1;
    while (j < n && dayOf[order[j]!] === day && minuteOf[order[j]!] === minute) j++;
    if (j - i > 1) logged.sort(order, i, j, facts.ids, entries);
    i = j;
  }

  // The facts in that order; each day holds views of its stretch.
  const all = newFacts(n);
  const days: DayState[] = new Array(sortedNames.length);
  for (let i = 0, r = 0; i < n; r++) {
    let j = i + 1;
    while (j < n && dayOf[order[j]!] === r) j++;
    const list: EngineEntry[] = new Array(j - i);
    for (let k = i; k < j; k++) {
      const p = order[k]!;
      list[k - i] = entries[p]!;
      all.ids[k] = facts.ids[p]!;
      all.procs[k] = facts.procs[p]!;
      all.markers[k] = facts.markers[p]!;
      all.simulated[k] = facts.simulated[p]!;
    }
    const dayFacts = { ids: all.ids.subarray(i, j), procs: all.procs.subarray(i, j), markers: all.markers.subarray(i, j), simulated: all.simulated.subarray(i, j) };
    days[r] = { day: sortedNames[r]!, entries: list, facts: dayFacts, dirty: false, countedBefore: EMPTY, result: null };
    i = j;
  }
  return days;
}

/** `positions` stably reordered by `keyOf[position]`, each key in 0..size-1. */
function countingSort(positions: Int32Array, keyOf: Int32Array, size: number): Int32Array {
  const start = new Int32Array(size + 1);
  for (let i = 0; i < positions.length; i++) start[keyOf[positions[i]!]! + 1]!++;
  for (let k = 0; k < size; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    out[start[keyOf[p]!]!++] = p;
  }
  return out;
}

/**
 * The time logged of each entry as two numbers, the date (YYYYMMDD) and the time (HHMMSSmmm), read
 * in inDayOrder's one pass. For the canonical ISO instant 'YYYY-MM-DDTHH:MM:SS.sssZ' (what the app
 * writes) the digits sit at fixed places, so comparing the numbers compares the strings; any other
 * form is marked (date -1) and compared as a string, from the entry.
 */
class LoggedKeys {
  private readonly dates: Int32Array;
  private readonly times: Int32Array;

  constructor(n: number) {
    this.dates = new Int32Array(n);
    this.times = new Int32Array(n);
  }

  read(t: string, at: number): void {
    let date = -1;
    let time = 0;
    if (t.length === 24 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45 && t.charCodeAt(10) === 84 && t.charCodeAt(13) === 58 && t.charCodeAt(16) === 58 && t.charCodeAt(19) === 46 && t.charCodeAt(23) === 90) {
      // A character that is not a digit makes `bad` negative.
      let bad = 0;
      date = 0;
      for (const k of DATE_DIGITS) {
        const c = t.charCodeAt(k) - 48;
        bad |= c | (9 - c);
        date = date * 10 + c;
      }
      for (const k of TIME_DIGITS) {
        const c = t.charCodeAt(k) - 48;
        bad |= c | (9 - c);
        time = time * 10 + c;
      }
      if (bad < 0) date = -1;
    }
    this.dates[at] = date;
    this.times[at] = time;
  }

  /**
   * Puts `order[from..to)` (positions of entries that share a day and a minute) in the order of
   * their time logged, then id. The runs are short (mostly a day's untimed entries) and often
   * already in order, so an insertion sort, unless a run is long.
   */
  sort(order: Int32Array, from: number, to: number, ids: Float64Array, entries: readonly EngineEntry[]): void {
    if (to - from > 64) {
      const run = Array.from(order.subarray(from, to)).sort((a, b) => (this.before(a, b, ids, entries) ? -1 : this.before(b, a, ids, entries) ? 1 : 0));
      order.set(run, from);
      return;
    }
    for (let k = from + 1; k < to; k++) {
      const p = order[k]!;
      let m = k - 1;
      while (m >= from && this.before(p, order[m]!, ids, entries)) {
        order[m + 1] = order[m]!;
        m--;
      }
      order[m + 1] = p;
    }
  }

  private before(a: number, b: number, ids: Float64Array, entries: readonly EngineEntry[]): boolean {
    const da = this.dates[a]!;
    const db = this.dates[b]!;
    let c: number;
    if (da < 0 || db < 0) {
      const ta = entries[a]!.createdAt;
      const tb = entries[b]!.createdAt;
      c = ta === tb ? 0 : ta < tb ? -1 : 1;
    } else c = da - db || this.times[a]! - this.times[b]!;
    return c < 0 || (c === 0 && ids[a]! < ids[b]!);
  }
}

const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
const TIME_DIGITS = [11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * The engine, kept current entry by entry. Days are independent except through the per-procedure
 * maximum (`maxCounted`), so a change re-judges the changed days, and a later day only when the
 * capped procedures' counts it starts from differ from those it was judged with: once they agree
 * again (typically as soon as the maximum is reached), every later day is unchanged. `evaluate()`
 * is this evaluator filled in one go, so the two cannot drift apart; the property test replays
 * random edits and compares with a fresh evaluate().
 */
export class TrackEvaluator {
  private readonly rules: Rules;
  private readonly days = new Map<string, DayState>();
  /** Days with entries, ascending. */
  private order: string[] = [];
  private count = 0;
  /** Earliest and latest day changed (or emptied) since the last evaluation; null when nothing changed. */
  private from: string | null = null;
  private until: string | null = null;
  private cached: Evaluation | null = null;
  private results: DayResult[] = [];
  /** The sum of every day's result, kept as days are re-judged or emptied. */
  private readonly sums: Sums;

  constructor(
    private readonly catalog: Catalog,
    context: EngineContext,
    entries: readonly EngineEntry[] = [],
  ) {
    this.rules = rulesOf(catalog, context);
    this.sums = { counters: new Int32Array(2 * this.rules.procs.length + NOT_COUNTING_REASONS.length), uncatalogued: 0, beforeMqsa: 0 };
    for (const d of inDayOrder(this.rules, entries)) this.days.set(d.day, d);
    this.count = entries.length;
    this.order = [...this.days.keys()];
    this.from = this.order[0] ?? null;
    this.until = this.order.at(-1) ?? null;
  }

  /**
   * Replaces `before` with `after` (either may be null: an insert or a delete). `before` must be
   * the object given earlier for that entry.
   */
  replace(before: EngineEntry | null, after: EngineEntry | null): void {
    if (before) {
      const d = this.days.get(before.performedOn);
      const at = d ? d.entries.indexOf(before) : -1;
      if (!d || at < 0) throw new Error(`entry ${before.id} is not in the evaluator`);
      d.entries.splice(at, 1);
      this.count--;
      this.touch(d);
      if (d.entries.length === 0) {
        if (d.result) addTo(this.sums, d.result, -1);
        this.days.delete(d.day);
        this.order.splice(lowerBound(this.order, d.day), 1);
      }
    }
    if (after) {
      let d = this.days.get(after.performedOn);
      if (!d) {
        this.days.set(after.performedOn, (d = { day: after.performedOn, entries: [], facts: null, dirty: true, countedBefore: EMPTY, result: null }));
        this.order.splice(lowerBound(this.order, d.day), 0, d.day);
      }
      d.entries.push(after);
      this.count++;
      this.touch(d);
    }
  }

  private touch(d: DayState): void {
    d.dirty = true;
    d.facts = null;
    this.cached = null;
    if (this.from === null || d.day < this.from) this.from = d.day;
    if (this.until === null || d.day > this.until) this.until = d.day;
  }

  /** Re-judges what changed (and what it displaced on later days), then assembles the evaluation. */
  evaluation(): Evaluation {
    if (this.cached) return this.cached;
    const { capped } = this.rules;
    const order = this.order;
    let i = this.from === null ? order.length : lowerBound(order, this.from);
    // The capped procedures' counts before day i.
    const running = new Int32Array(capped.length);
    if (i > 0) {
      const prev = this.days.get(order[i - 1]!)!;
      for (let j = 0; j < capped.length; j++) running[j] = prev.countedBefore[j]! + prev.result!.counted[capped[j]!]!;
    }
    const until = this.until ?? '';
    for (; i < order.length; i++) {
      const d = this.days.get(order[i]!)!;
      const same = d.result !== null && sameCounts(d.countedBefore, running);
      if (!d.dirty && same) {
        // Past every change (an emptied day included), a day that starts the same is the same, and
        // so is every day after it.
        if (d.day > until) break;
      } else {
        if (d.dirty) {
          // The day's entries in order and their facts, the way a full evaluation reads them.
          const [fresh] = inDayOrder(this.rules, d.entries);
          d.entries = fresh!.entries;
          d.facts = fresh!.facts;
          d.dirty = false;
        }
        d.countedBefore = capped.length === 0 ? EMPTY : running.slice();
        if (d.result) addTo(this.sums, d.result, -1);
        d.result = judgeDay(this.rules, d.day, d.facts!, d.countedBefore);
        addTo(this.sums, d.result, 1);
      }
      for (let j = 0; j < capped.length; j++) running[j]! += d.result!.counted[capped[j]!]!;
    }
    this.from = null;
    this.until = null;
    this.results = order.map((day) => this.days.get(day)!.result!);
    this.cached = assemble(this.catalog, this.rules, this.sums, this.results, this.count);
    return this.cached;
  }

  /** Each day's totals, days ascending, as of the last evaluation(). */
  dayTotals(): readonly DayTotals[] {
    this.evaluation();
    return this.results;
  }
}

const EMPTY = new Int32Array(0);

interface Sums {
  /** Laid out as DayResult.counters: performed per procedure, counted per procedure, per reason. */
  counters: Int32Array;
  uncatalogued: number;
  beforeMqsa: number;
}

function addTo(sums: Sums, day: DayResult, sign: 1 | -1): void {
  const c = sums.counters;
  for (let i = 0; i < c.length; i++) c[i]! += sign * day.counters[i]!;
  sums.uncatalogued += sign * day.uncatalogued;
  sums.beforeMqsa += sign * day.beforeMqsa;
}

function sameCounts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** First index in the ascending `list` whose value is not below `value`. */
function lowerBound(list: readonly string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function evaluate(catalog: Catalog, entries: readonly EngineEntry[], context: EngineContext): Evaluation {
  return new TrackEvaluator(catalog, context, entries).evaluation();
}

/**
 * A copy of an evaluation with other verdicts (a subset, or none), made without building the
 * original's verdicts: a spread would read every field, `entries` included.
 */
export function withVerdicts(evaluation: Evaluation, entries: EntryVerdict[]): Evaluation {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(evaluation) as Array<keyof Evaluation>) copy[key] = key === 'entries' ? entries : evaluation[key];
  return copy as unknown as Evaluation;
}

/** The evaluation from the days' results (in day order): totals, per procedure, rules, what is missing. */
function assemble(catalog: Catalog, rules: Rules, sums: Sums, days: readonly DayResult[], entryCount: number): Evaluation {
  const { procs, applicationDate, windowStart, locked, lockedOn, mqsaRequired, mqsaOn } = rules;
  const P = procs.length;
  const performed = Array.from(sums.counters.subarray(0, P));
  const counted = Array.from(sums.counters.subarray(P, 2 * P));
  const notCounting = emptyReasonCounts();
  NOT_COUNTING_REASONS.forEach((r, i) => (notCounting[r] = sums.counters[2 * P + i]!));
  const { uncatalogued, beforeMqsa } = sums;
  const expiring: ExpiringEntry[] = [];
  for (const d of days) for (const x of d.expiring) expiring.push(x);
  const catalogComplete = rules.catalogComplete;

  // Per procedure.
  const procedures: ProcedureProgress[] = procs.map((p, i) => {
    const required = p.repetitionsRequired?.value ?? null;
    const c = counted[i]!;
    return {
      procedureId: p.id,
      name: p.name,
      categoryId: p.categoryId,
      kind: p.kind,
      required,
      maxCounted: p.maxCounted?.value ?? null,
      performed: performed[i]!,
      counted: c,
      remaining: required === null ? null : Math.max(0, required - c),
      met: required !== null && c >= required,
      needed: p.kind === 'mandatory',
    };
  });

  const electiveRules = chooseElectives(catalog, procedures);
  const missing: MissingItem[] = [];
  if (catalog.proceduresStatus === 'unknown') {
    missing.push({ kind: 'catalog', count: null, text: 'The procedure list is not filled in: copy it from your ARRT worksheet.' });
  } else if (catalog.proceduresStatus === 'partial') {
    missing.push({ kind: 'catalog', count: null, text: 'This catalog lists only part of the procedures: complete it from your ARRT worksheet.' });
  }

  // Per category and track.
  const sumNeeded = (list: ProcedureProgress[]) => {
    let required: number | null = 0;
    let remaining: number | null = 0;
    let perf = 0;
    let cnt = 0;
    let mandatoryMet: boolean | null = true;
    for (const p of list) {
      perf += p.performed;
      cnt += p.counted;
      if (p.kind === 'mandatory' && mandatoryMet !== null) mandatoryMet = p.required === null ? null : mandatoryMet && p.met;
      if (!p.needed) continue;
      required = required === null || p.required === null ? null : required + p.required;
      remaining = remaining === null || p.remaining === null ? null : remaining + p.remaining;
    }
    return { required, remaining, performed: perf, counted: cnt, mandatoryMet };
  };
  const categories: CategoryProgress[] = catalog.categories.map((c) => ({
    categoryId: c.id,
    name: c.name,
    ...sumNeeded(procedures.filter((p) => p.categoryId === c.id)),
  }));

  const all = sumNeeded(procedures);
  const countedTotal = all.counted + uncatalogued;
  let required = all.required;
  let remaining = all.remaining;
  const electiveShort = electiveRules.some((r) => r.available < r.required);
  if (electiveShort) remaining = null;
  for (const r of catalog.groupRules) {
    if (r.type !== 'totalRepetitions') continue;
    const total = r.count.value;
    required = required === null ? null : Math.max(required, total);
    const extra = total - countedTotal - (remaining ?? 0);
    if (remaining !== null) remaining = Math.max(remaining, total - countedTotal);
    if (extra > 0) {
      missing.push({
        kind: 'total',
        count: extra,
        text:
          all.remaining === 0
            ? `${extra} more ${plural(extra, 'repetition', 'repetitions')} of any procedure (${countedTotal} of ${total} in total)`
            : `${extra} more ${plural(extra, 'repetition', 'repetitions')} of any procedure beyond those listed (${countedTotal} of ${total} in total)`,
      });
    }
  }

  // Plain-language list: mandatory first, then elective rules and the electives chosen for them.
  const missingProcedures: MissingItem[] = [];
  for (const p of procedures) {
    if (p.kind === 'mandatory' && p.required === null) {
      missingProcedures.push({ kind: 'procedure', count: null, procedureId: p.procedureId, text: `${p.name}: repetitions required not filled in (${p.counted} counted)` });
    } else if (p.kind === 'mandatory' && p.remaining! > 0) {
      missingProcedures.push({ kind: 'procedure', count: p.remaining, procedureId: p.procedureId, text: `${p.remaining} more ${p.name} (${p.counted} of ${p.required})` });
    }
  }
  const byProcId = new Map(procedures.map((p) => [p.procedureId, p]));
  const catName = new Map(catalog.categories.map((c) => [c.id, c.name]));
  for (const r of electiveRules) {
    const where = r.categoryId === null ? '' : ` in ${catName.get(r.categoryId) ?? r.categoryId}`;
    if (r.available < r.required) {
      missingProcedures.push({
        kind: 'electives',
        count: null,
        categoryId: r.categoryId,
        text: `At least ${r.required} electives${where} are required; the catalog lists ${r.available} so far: complete it from your ARRT worksheet`,
      });
    } else if (r.remaining > 0) {
      missingProcedures.push({
        kind: 'electives',
        count: r.remaining,
        categoryId: r.categoryId,
        text: `${r.remaining} more ${plural(r.remaining, 'elective', 'electives')}${where} (${r.completed} of ${r.required})`,
      });
    }
  }
  const suggested = new Set<string>();
  for (const r of electiveRules) {
    for (const id of r.chosen) {
      const p = byProcId.get(id)!;
      if (p.met || suggested.has(id)) continue;
      suggested.add(id);
      missingProcedures.push(
        p.required === null
          ? { kind: 'elective-procedure', count: null, procedureId: id, text: `Elective ${p.name}: repetitions required not filled in (${p.counted} counted)` }
          : { kind: 'elective-procedure', count: p.remaining, procedureId: id, text: `${p.remaining} more ${p.name} (${p.counted} of ${p.required}), elective` },
      );
    }
  }
  missing.splice(catalog.proceduresStatus === 'complete' ? 0 : 1, 0, ...missingProcedures);

  const mandatoryMet = catalogComplete ? all.mandatoryMet : null;
  const electivesMet = electiveRules.every((r) => r.remaining === 0 && r.available >= r.required);
  const complete = !catalogComplete || remaining === null || mandatoryMet === null ? null : mandatoryMet && electivesMet && remaining === 0;

  const warnings: EngineWarning[] = [];
  if (mqsaRequired && mqsaOn === null) {
    warnings.push({ kind: 'mqsa-date-missing', message: 'These requirements ask for MQSA compliance before procedures are submitted: enter the date you qualified.' });
  }
  if (beforeMqsa > 0) {
    warnings.push({
      kind: 'entries-before-mqsa',
      message: `${beforeMqsa} counted ${plural(beforeMqsa, 'entry was', 'entries were')} performed before your MQSA qualification date (${mqsaOn}).`,
    });
  }

  expiring.sort((a, b) => a.daysLeft - b.daysLeft || a.entryId - b.entryId);

  const evaluation: Evaluation = {
    applicationDate,
    windowStart,
    locked,
    lockedOn,
    procedures,
    categories,
    electiveRules,
    totals: {
      required,
      performed: entryCount,
      counted: countedTotal,
      remaining,
      uncatalogued,
      notCounting,
    },
    mandatoryMet,
    complete,
    missing,
    entries: [],
    expiring,
    warnings,
  };
  // The verdicts are built when first read (a plain property from then on): spreading, cloning or
  // serialising the evaluation reads them like any other field.
  Object.defineProperty(evaluation, 'entries', {
    enumerable: true,
    configurable: true,
    get(this: Evaluation) {
      const verdicts: EntryVerdict[] = new Array(entryCount);
      let k = 0;
      for (const d of days) for (const v of dayVerdicts(d)) verdicts[k++] = v;
      Object.defineProperty(this, 'entries', { value: verdicts, enumerable: true, configurable: true, writable: true });
      return verdicts;
    },
    set(this: Evaluation, value: EntryVerdict[]) {
      Object.defineProperty(this, 'entries', { value, enumerable: true, configurable: true, writable: true });
    },
  });
  return evaluation;
}

/**
 * Picks the electives that satisfy the minElectives rules with the fewest remaining repetitions:
 * per-category minimums first (cheapest in each category), then the overall minimum from the rest.
 * Greedy is optimal here: categories are disjoint and every cost is independent. Marks the chosen
 * electives `needed` in place.
 */
function chooseElectives(catalog: Catalog, procedures: ProcedureProgress[]): ElectiveRuleProgress[] {
  const cost = (p: ProcedureProgress) => (p.remaining === null ? Number.POSITIVE_INFINITY : p.remaining);
  const electives = procedures.filter((p) => p.kind === 'elective');
  const rank = new Map(electives.map((p, i) => [p.procedureId, i]));
  const cheapestFirst = (a: ProcedureProgress, b: ProcedureProgress) => cost(a) - cost(b) || rank.get(a.procedureId)! - rank.get(b.procedureId)!;
  const chosen = new Set<string>();
  const out: ElectiveRuleProgress[] = [];
  const rules = catalog.groupRules.flatMap((r) => (r.type === 'minElectives' ? [r] : []));
  // Category rules before overall ones, so the overall pick can reuse what categories chose.
  const ordered = [...rules.filter((r) => r.categoryId !== null), ...rules.filter((r) => r.categoryId === null)];
  for (const r of ordered) {
    const scope = electives.filter((p) => r.categoryId === null || p.categoryId === r.categoryId);
    const need = r.count.value;
    // Electives another rule already chose count here too; the rest are picked cheapest first.
    const already = scope.filter((p) => chosen.has(p.procedureId)).sort(cheapestFirst);
    const rest = scope.filter((p) => !chosen.has(p.procedureId)).sort(cheapestFirst);
    const ruleChosen = already.length >= need ? already.slice(0, need) : [...already, ...rest.slice(0, need - already.length)];
    for (const p of ruleChosen) chosen.add(p.procedureId);
    const completed = scope.filter((p) => p.met).length;
    out.push({
      categoryId: r.categoryId,
      required: need,
      completed: Math.min(completed, need),
      remaining: Math.max(0, need - completed),
      available: scope.length,
      chosen: ruleChosen.map((p) => p.procedureId),
    });
  }
  for (const p of procedures) if (chosen.has(p.procedureId)) p.needed = true;
  return out;
}
