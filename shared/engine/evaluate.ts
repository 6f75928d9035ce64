// The progress engine: given a requirement catalog and a log, what counts toward the credential,
// what is still missing, and why each entry that does not count does not. Pure: no I/O, no clock
// (today comes in the context), no database types.
//
// Exported API
//   evaluate(catalog, entries, context) -> Evaluation
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
// in their day), time logged, id. An entry counts when every cap still has room for it; only then
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

/** Minutes after midnight of an 'HH:MM' time; untimed entries sort after timed ones in their day. */
function minutesOf(t: string | null): number {
  if (t === null || t.length < 5) return UNTIMED;
  return (t.charCodeAt(0) - 48) * 600 + (t.charCodeAt(1) - 48) * 60 + (t.charCodeAt(3) - 48) * 10 + (t.charCodeAt(4) - 48);
}

/**
 * The entries' indices grouped by day (days ascending), each day in the deterministic order: time
 * performed, time logged, id. Grouping first and sorting each small day is far cheaper than one
 * comparison sort of 100k entries on composite keys. `minutes` and `ids` are filled on the way.
 */
function byDay(entries: readonly EngineEntry[], minutes: Int32Array, ids: Float64Array): Array<[string, number[]]> {
  const days = new Map<string, number[]>();
  const created: string[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    minutes[i] = minutesOf(e.performedAt);
    created[i] = e.createdAt;
    ids[i] = e.id;
    const list = days.get(e.performedOn);
    if (list) list.push(i);
    else days.set(e.performedOn, [i]);
  }
  const cmp = (a: number, b: number) => {
    const d = minutes[a]! - minutes[b]!;
    if (d !== 0) return d;
    const x = created[a]!;
    const y = created[b]!;
    if (x !== y) return x < y ? -1 : 1;
    return ids[a]! - ids[b]!;
  };
  const out = [...days.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [, list] of out) if (list.length > 1) list.sort(cmp);
  return out;
}

const NO_FLAGS: readonly EntryFlag[] = Object.freeze([]) as readonly EntryFlag[];

function emptyReasonCounts(): Record<NotCountingReason, number> {
  return Object.fromEntries(NOT_COUNTING_REASONS.map((r) => [r, 0])) as Record<NotCountingReason, number>;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function evaluate(catalog: Catalog, entries: readonly EngineEntry[], context: EngineContext): Evaluation {
  const procs: Array<Procedure & { categoryId: string }> = [];
  const procIndex = new Map<string, number>();
  for (const c of catalog.categories) {
    for (const p of c.procedures) {
      procIndex.set(p.id, procs.length);
      procs.push({ ...p, categoryId: c.id });
    }
  }
  const catalogComplete = catalog.proceduresStatus === 'complete';

  const windowMonths = catalog.windowMonths?.value ?? null;
  // Once the exam window is assigned the window is frozen at the lock date: entries already outside
  // it stay expired, and nothing counted expires any more (validThrough null, no expiring list).
  const { applicationDate, windowStart, locked, lockedOn } = windowOf(windowMonths, context);
  const dailyCap = catalog.dailyCap?.value ?? null;
  const capFrom = catalog.dailyCapAppliesFrom?.value ?? '';
  const perPatient = catalog.perPatientPerDay?.value ?? null;
  const perQc = catalog.perQcTestPerDay?.value ?? null;
  const mqsaRequired = catalog.mqsaRequired?.value === true;
  const mqsaOn = context.mqsaQualifiedOn;

  const performed = new Array<number>(procs.length).fill(0);
  const counted = new Array<number>(procs.length).fill(0);
  const notCounting = emptyReasonCounts();
  let uncatalogued = 0;
  let beforeMqsa = 0;

  const verdicts: EntryVerdict[] = new Array(entries.length);
  const expiring: ExpiringEntry[] = [];

  const patientCount = new Map<number, number>();
  const qcCount = new Map<number, number>();
  // The fields the loop reads, copied once in input order into compact arrays: the loop visits
  // entries in date order, and reading 100k scattered objects there costs more than the copy.
  const n = entries.length;
  const minutes = new Int32Array(n);
  const ids = new Float64Array(n);
  const procOf = new Int32Array(n);
  const markerOf = new Float64Array(n);
  const simulatedOf = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    procOf[i] = e.procedureId === null ? -1 : (procIndex.get(e.procedureId) ?? -1);
    markerOf[i] = e.patientMarker ?? Number.NaN;
    simulatedOf[i] = e.simulated ? 1 : 0;
  }
  let k = 0;
  for (const [day, list] of byDay(entries, minutes, ids)) {
    // Everything that depends only on the day is decided once per day.
    const dayReason: NotCountingReason | null =
      day > context.today ? 'in-future' : day < context.trackStart ? 'before-track-start' : null;
    const expired = windowStart !== null && day < windowStart;
    const capToday = dailyCap !== null && day >= capFrom ? dailyCap : Number.POSITIVE_INFINITY;
    const validThrough = windowMonths !== null && !locked ? addMonthsIso(day, windowMonths) : null;
    const daysLeft = validThrough === null ? Number.POSITIVE_INFINITY : daysBetween(applicationDate, validThrough);
    const beforeMqsaDay = mqsaRequired && mqsaOn !== null && day < mqsaOn;
    let dayCount = 0;
    patientCount.clear();
    qcCount.clear();

    for (const i of list) {
      const pi = procOf[i]!;
      const marker = markerOf[i]!;
      const hasMarker = !Number.isNaN(marker); // NaN stands for "no marker"
      const simulated = simulatedOf[i] === 1;
      const proc = pi < 0 ? null : procs[pi]!;
      if (proc) performed[pi]!++;
      const isQc = proc !== null && proc.qcTest;

      let reason: NotCountingReason | null = dayReason;
      if (reason === null) {
        if (!proc && catalogComplete) reason = 'not-in-catalog';
        else if (simulated && proc !== null && proc.simulationAllowed === false) reason = 'simulation-not-allowed';
        else if (expired) reason = 'expired';
        else if (isQc && perQc !== null && (qcCount.get(pi) ?? 0) >= perQc) reason = 'over-qc-test-day-cap';
        else if (!isQc && perPatient !== null && hasMarker && (patientCount.get(marker) ?? 0) >= perPatient) reason = 'over-patient-day-cap';
        else if (proc !== null && proc.maxCounted !== null && counted[pi]! >= proc.maxCounted.value) reason = 'over-max-counted';
        else if (dayCount >= capToday) reason = 'over-daily-cap';
      }

      let flags: readonly EntryFlag[] = NO_FLAGS;
      if (reason === null) {
        // Accepted: only now does the entry take its place in every cap.
        dayCount++;
        if (isQc) qcCount.set(pi, (qcCount.get(pi) ?? 0) + 1);
        else if (hasMarker) patientCount.set(marker, (patientCount.get(marker) ?? 0) + 1);
        const f: EntryFlag[] = [];
        if (proc) counted[pi]!++;
        else {
          uncatalogued++;
          f.push('uncatalogued');
        }
        if (simulated && (proc?.simulationAllowed ?? null) === null) f.push('simulation-rule-unknown');
        if (beforeMqsaDay) {
          f.push('before-mqsa');
          beforeMqsa++;
        }
        if (f.length > 0) flags = f;
        if (daysLeft <= 90) {
          expiring.push({ entryId: ids[i]!, performedOn: day, validThrough: validThrough!, daysLeft, within: daysLeft <= 30 ? 30 : daysLeft <= 60 ? 60 : 90 });
        }
      } else {
        notCounting[reason]++;
      }
      verdicts[k++] = { id: ids[i]!, counts: reason === null, reason, flags, validThrough };
    }
  }

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

  return {
    applicationDate,
    windowStart,
    locked,
    lockedOn,
    procedures,
    categories,
    electiveRules,
    totals: {
      required,
      performed: entries.length,
      counted: countedTotal,
      remaining,
      uncatalogued,
      notCounting,
    },
    mandatoryMet,
    complete,
    missing,
    entries: verdicts,
    expiring,
    warnings,
  };
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
