// dashboard.get: everything the Progress page draws for one track, in one call; dashboard.today:
// what the Today page lists (rotation today, counted entries about to leave the window).
//
// Cost at 100,000 entries: the snapshot (everything but the forecast) is kept per connection and
// track until anything is written (SQLite's total_changes() for this connection, data_version for
// others) or the day changes. After a write it is made again from parts that are themselves kept
// current entry by entry: the engine re-judges only the days that changed (TrackEvaluator, via the
// evaluation cache), and the per-day and per-site counts are adjusted, so every fold below runs over
// days, not entries. Changing the pace window only re-runs the forecast. bench/dashboard.ts prints
// the first call after a change and the repeated call.
import { currentCatalogFor } from '../../../shared/catalog/builtin';
import { versionWarnings } from '../../../shared/catalog/versions';
import type { Catalog } from '../../../shared/catalog/schema';
import { localIsoDate } from '../../../shared/dates';
import type { Track } from '../../../shared/domain';
import { NOT_COUNTING_REASONS, reasonText, type DayTotals, type Evaluation } from '../../../shared/engine/evaluate';
import type {
  CategoryBar,
  ChecklistItem,
  DashboardCatalog,
  DashboardData,
  Difficulty,
  ElectiveOption,
  ElectiveRuleSummary,
  ExpiryMonth,
  MissingLine,
  MissingSite,
  TodayItems,
  WeekPoint,
  dashboardChannels,
} from '../../../shared/ipc/dashboard';
import { finishEstimate, forecast } from '../../../shared/planning/forecast';
import { acceptedPlan } from './plan-inputs';
import { addIsoDays } from '../../../shared/planning/schedule';
import { AppFailure } from '../../../shared/result';
import type { Ctx } from '../context';
import type { DB } from '../db/open';
import { trackAggregates, trackEvaluation } from '../evaluation-cache';
import { allSites, offeredProcedures } from '../tables/dashboard';
import { listSessions } from '../tables/planning';
import { getTrack, listTracks } from '../tables/tracks';
import { educationSummary } from './education';
import { engineContext, validatedRevision } from './track-catalog';
import type { ChannelsOf, HandlerMap } from './types';

/** How far back the weekly chart reaches (two years of weeks stays readable). */
const WEEKLY_CHART_WEEKS = 104;
/** How many coming months the expiry chart shows. */
const EXPIRY_MONTHS = 12;

export interface ResolvedCatalog {
  catalog: Catalog | null;
  resolvedFrom: DashboardCatalog['resolvedFrom'];
}

/** The track's saved catalog revision; without one, the shipped version for its discipline and start. */
export function resolveCatalog(db: DB, track: Track): ResolvedCatalog {
  if (track.catalogId !== null) {
    const v = validatedRevision(db, track.catalogId)?.validation;
    if (v?.ok) return { catalog: v.catalog, resolvedFrom: 'track' };
  }
  const builtin = currentCatalogFor(track.discipline, track.startDate);
  return builtin ? { catalog: builtin, resolvedFrom: 'builtin' } : { catalog: null, resolvedFrom: 'none' };
}

/** Everything derived from the log and the catalog for one day; the forecast is not in here. */
export interface Snapshot {
  track: Track;
  catalog: Catalog | null;
  resolvedFrom: DashboardCatalog['resolvedFrom'];
  evaluation: Evaluation | null;
  /** Performed dates of the counted entries, ascending (the forecast's input). */
  countedDates: string[];
  /** Performed dates of the counted entries that fill a requirement (no surplus), ascending. */
  requirementDates: string[];
  /** validThrough of each counted entry, ascending. */
  validThrough: string[];
  /** Per procedure id: validThrough of its counted entries, ascending (the planner's expiry re-check; made on first use). */
  validThroughByProcedure: () => Map<string, string[]>;
  /** Still needed per procedure id (needed procedures only). */
  remainingByProcedure: Record<string, number>;
  procedureNames: Record<string, string>;
  /** Per procedure id: site id -> entries logged there. */
  performedAt: Map<string, Map<number, number>>;
  dashboard: Omit<DashboardData, 'forecast' | 'finish' | 'paceWindowWeeks'>;
  /** Forecasts already made for this snapshot, by pace window (the user flips between a few). */
  forecasts: Map<number, DashboardData['forecast']>;
}

const cache = new WeakMap<DB, Map<number, { stamp: string; snapshot: Snapshot }>>();

function stampOf(db: DB, today: string): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const version = db.prepare('PRAGMA data_version').pluck().get() as number;
  return `${today}|${changes}|${version}`;
}

export function requireTrack(db: DB, trackId: number): Track {
  const track = getTrack(db, trackId);
  if (!track) throw new AppFailure('not-found', 'That track no longer exists.', [{ path: 'trackId', message: 'That track no longer exists.' }]);
  return track;
}

/** The snapshot for a track today, computed once per data change. */
export function trackSnapshot(db: DB, trackId: number, today: string): Snapshot {
  const stamp = stampOf(db, today);
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(trackId);
  if (hit && hit.stamp === stamp) return hit.snapshot;
  const snapshot = computeSnapshot(db, requireTrack(db, trackId), today);
  perDb.set(trackId, { stamp, snapshot });
  return snapshot;
}

// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian; H. Hinnant's
// civil-date algorithms): the weekly chart folds hundreds of distinct days per call, and date-fns
// parsing and formatting each of them cost milliseconds at 100,000 entries.
function dayNumber(iso: string): number {
  const y0 = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isoOfDay(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function plusDays(date: string, n: number): string {
  return isoOfDay(dayNumber(date) + n);
}

/** The Monday starting the ISO week of `date` (day 0, 1970-01-01, was a Thursday). */
function mondayOf(date: string): string {
  const n = dayNumber(date);
  return isoOfDay(n - ((((n + 3) % 7) + 7) % 7));
}

function monthsFrom(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const total = y * 12 + (m - 1) + i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

function difficultyOf(sites: number): Difficulty {
  return sites === 0 ? 'hard' : sites === 1 ? 'medium' : 'easier';
}

/**
 * The counted dates whose expiry would cost progress. Per procedure with a known requirement R,
 * only its newest R counted entries fill it (the oldest go first, and those beyond R are surplus);
 * an elective the rules did not choose fills nothing. Entries without a catalog procedure, or of a
 * procedure whose requirement is unknown, are all kept: nothing says they are surplus.
 */
function fillingDates(evaluation: Evaluation, days: readonly DayTotals[]): string[] {
  const procs = evaluation.procedures;
  // Per procedure, how many of its newest counted entries still fill it (-1: keep them all).
  const left = procs.map((p) => (p.required === null ? -1 : p.needed ? p.required : 0));
  const kept = new Int32Array(days.length);
  for (let k = days.length - 1; k >= 0; k--) {
    const d = days[k]!;
    let n = d.uncatalogued;
    for (let p = 0; p < procs.length; p++) {
      const c = d.counted[p]!;
      if (c === 0) continue;
      const l = left[p]!;
      if (l < 0) n += c;
      else {
        const take = Math.min(c, l);
        n += take;
        left[p] = l - take;
      }
    }
    kept[k] = n;
  }
  const out: string[] = [];
  for (let k = 0; k < days.length; k++) for (let i = 0; i < kept[k]!; i++) out.push(days[k]!.day);
  return out;
}

/** Per procedure id: the last valid day of each of its counted entries, ascending (the planner's expiry re-check). */
function validThroughByProcedure(evaluation: Evaluation | null, days: readonly DayTotals[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const procs = evaluation?.procedures ?? [];
  for (const d of days) {
    if (d.validThrough === null) continue;
    for (let p = 0; p < procs.length; p++) {
      const c = d.counted[p]!;
      if (c === 0) continue;
      const id = procs[p]!.procedureId;
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      for (let i = 0; i < c; i++) list.push(d.validThrough);
    }
  }
  return out;
}

function sortIfNeeded(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return list.sort();
  return list;
}

function computeSnapshot(db: DB, track: Track, today: string): Snapshot {
  const { catalog, resolvedFrom } = resolveCatalog(db, track);
  // The rows and the evaluation are shared with progress.evaluate and kept current incrementally;
  // procedure ids are already matched to the catalog by name where the log has none of its ids.
  const shared = catalog
    ? trackEvaluation(db, track.id, catalog, engineContext(track, today))
    : null;
  const evaluation = shared?.evaluation ?? null;

  const byName = new Map<string, string>();
  const procedureNames: Record<string, string> = {};
  const categoryName = new Map<string, string>();
  for (const c of catalog?.categories ?? []) {
    categoryName.set(c.id, c.name);
    for (const p of c.procedures) {
      byName.set(p.name.trim().toLowerCase(), p.id);
      procedureNames[p.id] = p.name;
    }
  }
  // Per-day and per-site counts are kept current by the evaluation cache, and the engine's per-day
  // totals give what counted: every fold below runs over days (a few hundred), not entries.
  // The same copy of the track as the evaluation's (one read, one patch), when there is one.
  const { entries: rows, aggregates } = shared ? { entries: shared.entries, aggregates: shared.aggregates() } : trackAggregates(db, track.id, catalog);
  const { loggedPerDay, performedAt } = aggregates;
  const days = shared?.days ?? [];
  const countedPerDay = new Map<string, number>();
  const countedDates: string[] = [];
  const validThrough: string[] = [];
  for (const d of days) {
    let n = d.uncatalogued;
    for (let p = 0; p < d.counted.length; p++) n += d.counted[p]!;
    if (n === 0) continue;
    countedPerDay.set(d.day, n);
    for (let i = 0; i < n; i++) countedDates.push(d.day);
    if (d.validThrough !== null) for (let i = 0; i < n; i++) validThrough.push(d.validThrough);
  }
  // A later day never has an earlier last valid day, so this is a check, not a sort.
  sortIfNeeded(validThrough);
  const requirementDates = evaluation ? fillingDates(evaluation, days) : countedDates;

  // Weekly series, folded from the per-day counts (a few hundred distinct days, not 100,000 dates),
  // from the first week of the history to this week.
  const weekOf = new Map<string, string>();
  const mondayOfDay = (day: string) => {
    let w = weekOf.get(day);
    if (w === undefined) weekOf.set(day, (w = mondayOf(day)));
    return w;
  };
  const foldWeeks = (perDay: Map<string, number>) => {
    const perWeek = new Map<string, number>();
    for (const [day, n] of perDay) {
      if (day > today) continue;
      const w = mondayOfDay(day);
      perWeek.set(w, (perWeek.get(w) ?? 0) + n);
    }
    return perWeek;
  };
  const loggedPerWeek = foldWeeks(loggedPerDay);
  const countedPerWeek = foldWeeks(countedPerDay);
  const thisWeek = mondayOf(today);
  let firstDay = track.startDate;
  for (const day of loggedPerDay.keys()) if (day < firstDay) firstDay = day;
  let week = mondayOf(firstDay <= today ? firstDay : today);
  const earliestShown = plusDays(thisWeek, -7 * (WEEKLY_CHART_WEEKS - 1));
  if (week < earliestShown) week = earliestShown;
  const weekly: WeekPoint[] = [];
  for (; week <= thisWeek; week = plusDays(week, 7)) {
    weekly.push({ weekStart: week, logged: loggedPerWeek.get(week) ?? 0, counted: countedPerWeek.get(week) ?? 0 });
  }

  // Expiry: counted entries by the month their last valid day falls in, for the coming months.
  const months = monthsFrom(today, EXPIRY_MONTHS);
  const byMonth = new Map(months.map((m) => [m, 0]));
  let within30 = 0;
  let within60 = 0;
  let within90 = 0;
  const d30 = plusDays(today, 30);
  const d60 = plusDays(today, 60);
  const d90 = plusDays(today, 90);
  for (const v of validThrough) {
    if (v < today) continue;
    const m = v.slice(0, 7);
    if (byMonth.has(m)) byMonth.set(m, byMonth.get(m)! + 1);
    if (v <= d30) within30++;
    if (v <= d60) within60++;
    if (v <= d90) within90++;
  }
  const expiry: ExpiryMonth[] = months.map((m) => ({ month: m, count: byMonth.get(m)! }));

  // Where each procedure was performed (SQL aggregate) and which sites offer it (Sites page).
  const sites = allSites(db);
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const offered = offeredProcedures(db);
  const offeredBy = new Map<string, Set<number>>();
  for (const o of offered ?? []) {
    const pid = o.procedureId ?? byName.get(o.name.trim().toLowerCase());
    if (!pid) continue;
    let s = offeredBy.get(pid);
    if (!s) offeredBy.set(pid, (s = new Set()));
    s.add(o.siteId);
  }
  const sitesFor = (pid: string): MissingSite[] => {
    const ids = new Set([...(performedAt.get(pid)?.keys() ?? []), ...(offeredBy.get(pid) ?? [])]);
    return [...ids]
      .map((sid) => {
        const s = siteById.get(sid);
        return {
          siteId: sid,
          name: s?.name ?? `Site ${sid}`,
          performed: performedAt.get(pid)?.get(sid) ?? 0,
          offered: offeredBy.get(pid)?.has(sid) ?? false,
          travelMinutes: s?.travelMinutes ?? null,
          status: s?.status ?? null,
        };
      })
      .filter((s) => s.status !== 'declined')
      .map(({ status: _status, ...s }) => s)
      .sort((a, b) => b.performed - a.performed || Number(b.offered) - Number(a.offered) || a.name.localeCompare(b.name));
  };

  const procs = evaluation?.procedures ?? [];
  const remainingByProcedure: Record<string, number> = {};
  for (const p of procs) if (p.needed && p.remaining !== null && p.remaining > 0) remainingByProcedure[p.procedureId] = p.remaining;

  // Missing, hardest first: fewest sites that supplied or offer it, then the most still needed.
  const missing: MissingLine[] = (evaluation?.missing ?? []).map((m) => {
    const pid = m.procedureId ?? null;
    const list = pid ? sitesFor(pid) : [];
    let why = '';
    if (pid) {
      why =
        list.length === 0
          ? 'No site in your log has supplied it, and no site says it offers it.'
          : `${list.length} ${list.length === 1 ? 'site has' : 'sites have'} supplied or offer it.`;
    }
    return { kind: m.kind, text: m.text, count: m.count, procedureId: pid, sites: list, difficulty: pid ? difficultyOf(list.length) : null, why };
  });
  const rank = (m: MissingLine) => (m.kind === 'catalog' ? 0 : m.procedureId ? 1 : 2);
  missing.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.procedureId && b.procedureId ? a.sites.length - b.sites.length || (b.count ?? 0) - (a.count ?? 0) : 0),
  );

  const categories: CategoryBar[] = (evaluation?.categories ?? []).map((c) => ({
    categoryId: c.categoryId,
    name: c.name,
    required: c.required,
    counted: c.counted,
    credited: c.required !== null && c.remaining !== null ? c.required - c.remaining : null,
    performed: c.performed,
    remaining: c.remaining,
  }));
  const item = (p: (typeof procs)[number]): ChecklistItem => ({
    procedureId: p.procedureId,
    name: p.name,
    categoryName: categoryName.get(p.categoryId) ?? p.categoryId,
    required: p.required,
    counted: p.counted,
    met: p.met,
  });
  const mandatory = procs.filter((p) => p.kind === 'mandatory').map(item);
  const chosen = new Set((evaluation?.electiveRules ?? []).flatMap((r) => r.chosen));
  const electives: ElectiveOption[] = procs
    .filter((p) => p.kind === 'elective')
    .map((p) => ({ ...item(p), chosen: chosen.has(p.procedureId), remaining: p.remaining }));
  const electiveRules: ElectiveRuleSummary[] = (evaluation?.electiveRules ?? []).map((r) => ({
    scope: r.categoryId === null ? 'overall' : (categoryName.get(r.categoryId) ?? r.categoryId),
    required: r.required,
    completed: r.completed,
    remaining: r.remaining,
    available: r.available,
  }));

  const totals = evaluation?.totals;
  const required = totals?.required ?? null;
  // A partial list whose procedures are not marked mandatory requires nothing yet: that is not "all met".
  const numbersKnown = catalog !== null && catalog.proceduresStatus !== 'unknown' && required !== null && required > 0;
  const counted = totals?.counted ?? 0;
  // Progress is what is credited toward the requirements (surplus repetitions of one procedure do
  // not make up for another), so it is required - remaining, not the counted total.
  const remainingTotal = totals?.remaining ?? null;
  const percent =
    numbersKnown && required && remainingTotal !== null ? Math.floor(((required - Math.min(required, remainingTotal)) / required) * 100) : null;

  const versions = catalog ? versionWarnings(catalog, today) : [];
  let byProcedure: Map<string, string[]> | undefined;
  const dashboard: Snapshot['dashboard'] = {
    track: {
      id: track.id,
      name: track.name,
      discipline: track.discipline,
      startDate: track.startDate,
      plannedApplicationDate: track.plannedApplicationDate,
    },
    today,
    catalog: catalog
      ? {
          key: catalog.key,
          title: catalog.title,
          label: catalog.label,
          kind: catalog.kind,
          proceduresStatus: catalog.proceduresStatus,
          numbersKnown,
          resolvedFrom,
        }
      : { key: '', title: 'No catalog', label: null, kind: 'custom', proceduresStatus: 'unknown', numbersKnown: false, resolvedFrom },
    overall: {
      required,
      counted,
      credited: required !== null && remainingTotal !== null ? required - Math.min(required, remainingTotal) : null,
      performed: totals?.performed ?? rows.length,
      remaining: totals?.remaining ?? null,
      percent: percent ?? null,
      complete: evaluation?.complete ?? null,
      mandatoryMet: evaluation?.mandatoryMet ?? null,
    },
    notCounting: catalog
      ? NOT_COUNTING_REASONS.filter((r) => (totals?.notCounting[r] ?? 0) > 0).map((r) => ({
          reason: r,
          text: reasonText(r, catalog),
          count: totals!.notCounting[r],
        }))
      : [],
    categories,
    mandatory,
    electiveRules,
    electives,
    weekly,
    expiry,
    expiringSoon: { within30, within60, within90 },
    missing,
    missingSource: offered === null ? 'log-only' : 'log-and-offered',
    warnings: [...(evaluation?.warnings ?? []).map((w) => w.message), ...versions.map((w) => w.message)],
    versionWarnings: versions,
    window: windowSummary(catalog, evaluation),
    education: educationSummary(db, track, today),
  };
  return {
    track,
    catalog,
    resolvedFrom,
    evaluation,
    countedDates,
    requirementDates,
    validThrough,
    validThroughByProcedure: () => (byProcedure ??= validThroughByProcedure(evaluation, days)),
    remainingByProcedure,
    procedureNames,
    performedAt,
    dashboard,
    forecasts: new Map(),
  };
}

/** The window rule in words: which dates count, and whether the exam window froze it. */
function windowSummary(catalog: Catalog | null, evaluation: Evaluation | null): DashboardData['window'] {
  const months = catalog?.windowMonths?.value ?? null;
  const start = evaluation?.windowStart ?? null;
  const lockedOn = evaluation?.lockedOn ?? null;
  let text: string;
  if (months === null || evaluation === null) text = 'The catalog does not say how long entries stay valid.';
  else if (lockedOn !== null) {
    text = `Exam window assigned: the ${months}-month window froze at ${lockedOn}. Entries from ${start} on count and no longer expire; older ones stay expired.`;
  } else {
    text = `Entries count for ${months} months: those performed from ${start} on count toward an application on ${evaluation.applicationDate}.`;
  }
  return { months, start, lockedOn, text };
}

export function dashboardFor(ctx: Ctx, trackId: number, paceWindowWeeks: number): DashboardData {
  const today = localIsoDate(ctx.now());
  const snap = trackSnapshot(ctx.db, trackId, today);
  const { dashboard } = snap;
  let f = snap.forecasts.get(paceWindowWeeks);
  if (!f) {
    f = !dashboard.catalog.numbersKnown
      ? {
          status: 'unknown-numbers',
          message: 'No forecast yet: the catalog does not say how many repetitions are required. Fill it in from your ARRT worksheet.',
        }
      : forecast({
          entryDates: snap.countedDates,
          expiryDates: snap.requirementDates,
          remaining: dashboard.overall.remaining ?? 0,
          today,
          paceWindowWeeks,
          historyStart: snap.track.startDate,
          plannedApplicationDate: snap.track.plannedApplicationDate,
          examWindowAssigned: snap.track.examWindowAssignedOn !== null,
          windowMonths: snap.catalog?.windowMonths?.value ?? null,
        });
    snap.forecasts.set(paceWindowWeeks, f);
  }
  // The accepted plan is measured only when the pace cannot give a date.
  const plan = f.status === 'projected' || f.status === 'done' || f.status === 'unknown-numbers' ? null : acceptedPlan(ctx.db, snap, trackId, today);
  return { ...dashboard, forecast: f, finish: finishEstimate(f, plan), paceWindowWeeks };
}

function todayItems(ctx: Ctx): TodayItems {
  const today = localIsoDate(ctx.now());
  const toRotation = (s: ReturnType<typeof listSessions>[number]) => ({
    id: s.id,
    siteName: s.siteName,
    startTime: s.startTime,
    hours: s.hours,
    status: s.status,
    notes: s.notes,
  });
  const rotations = listSessions(ctx.db, today, today).map(toRotation);
  const next = listSessions(ctx.db, addIsoDays(today, 1), null).find((s) => s.status === 'planned');
  const finishes = listTracks(ctx.db).map((t) => ({ trackId: t.id, trackName: t.name, finish: dashboardFor(ctx, t.id, 8).finish }));
  const expiring = listTracks(ctx.db).flatMap((t) => {
    const snap = trackSnapshot(ctx.db, t.id, today);
    const soon = snap.dashboard.expiringSoon;
    if (soon.within90 === 0) return [];
    return [{ trackId: t.id, trackName: t.name, ...soon, firstDate: snap.validThrough.find((v) => v >= today) ?? null }];
  });
  const versionNotes = listTracks(ctx.db).flatMap((t) => {
    const snap = trackSnapshot(ctx.db, t.id, today);
    return snap.dashboard.versionWarnings.map((w) => ({ ...w, trackId: t.id, trackName: t.name }));
  });
  return { today, rotations, nextRotation: next ? { ...toRotation(next), date: next.date } : null, expiring, finishes, versionWarnings: versionNotes };
}

export const dashboardHandlers: HandlerMap<ChannelsOf<typeof dashboardChannels>> = {
  'dashboard.get': (ctx, input) => dashboardFor(ctx, input.trackId, input.paceWindowWeeks),
  'dashboard.today': (ctx) => todayItems(ctx),
};
