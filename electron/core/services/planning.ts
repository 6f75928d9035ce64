// The work schedule, time off, rotation sessions, the rotation planner and the .ics export.
// Every write and its audit row share one transaction.
import { disciplineByCode } from '../../../shared/disciplines';
import { localIsoDate } from '../../../shared/dates';
import type { PlanProposal, RotationSessionRecord, planningChannels } from '../../../shared/ipc/planning';
import { buildIcs, rotationSessionEvent } from '../../../shared/planning/ics';
import { planRotations, type PlannerSite } from '../../../shared/planning/planner';
import { addIsoDays, type WorkPattern } from '../../../shared/planning/schedule';
import { AppFailure } from '../../../shared/result';
import { appendAudit } from '../audit';
import type { Ctx } from '../context';
import type { DB } from '../db/open';
import { allSites, siteDays } from '../tables/dashboard';
import {
  deleteSession,
  deleteTimeOff,
  getSession,
  getSettings,
  getTimeOff,
  insertSession,
  insertTimeOff,
  listSessions,
  listTimeOff,
  planningSites,
  saveSettings,
  updateSession,
} from '../tables/planning';
import { dashboardFor, trackSnapshot } from './dashboard';
import type { ChannelsOf, HandlerMap } from './types';

/** Without any history, a rotation day is assumed to yield this many counted entries. */
const DEFAULT_YIELD_PER_DAY = 4;

function requireSite(db: DB, siteId: number): void {
  if (!db.prepare('SELECT 1 FROM sites WHERE id = ?').get(siteId)) {
    throw new AppFailure('validation', 'That site no longer exists.', [{ path: 'siteId', message: 'Choose a site from the list.' }]);
  }
}

function requireSessionRecord(db: DB, id: number): RotationSessionRecord {
  const s = getSession(db, id);
  if (!s) throw new AppFailure('not-found', 'That rotation session no longer exists.');
  return s;
}

function propose(ctx: Ctx, trackId: number, targetIn: string | null | undefined, fromIn: string | null | undefined): PlanProposal {
  const db = ctx.db;
  const today = localIsoDate(ctx.now());
  const from = fromIn ?? addIsoDays(today, 1);
  const snap = trackSnapshot(db, trackId, today);
  const settings = getSettings(db);
  const target = targetIn ?? settings.targetDate ?? snap.track.plannedApplicationDate ?? null;
  const base = { target, from, sitesWithoutTravel: [] as string[], sitesNotAgreed: [] as string[] };
  const dash = dashboardFor(ctx, trackId, 8);
  const paceFinish = dash.forecast.status === 'projected' ? dash.forecast.finish.likely : null;

  if (!snap.dashboard.catalog.numbersKnown) {
    return {
      ...base,
      plan: null,
      paceFinish,
      expiringBeforeFinish: 0,
      refusal: 'The catalog does not say how many repetitions are required, so there is nothing to plan toward yet. Fill it in from your ARRT worksheet.',
      summary: '',
    };
  }
  if (!target) {
    return {
      ...base,
      plan: null,
      paceFinish,
      expiringBeforeFinish: 0,
      refusal: 'Set a target date (or a planned application date on the track) so the planner knows when you want to be done.',
      summary: '',
    };
  }

  // Sites the planner may use: travel known, and something it supplied or offers.
  const yields = new Map(siteDays(db, trackId).map((s) => [s.siteId, s.days > 0 ? s.n / s.days : 0]));
  const offered = new Map<number, Set<string>>();
  for (const [pid, sites] of snap.performedAt) {
    for (const sid of sites.keys()) {
      if (!offered.has(sid)) offered.set(sid, new Set());
      offered.get(sid)!.add(pid);
    }
  }
  for (const line of snap.dashboard.missing) {
    if (!line.procedureId) continue;
    for (const s of line.sites) {
      if (!s.offered) continue;
      if (!offered.has(s.siteId)) offered.set(s.siteId, new Set());
      offered.get(s.siteId)!.add(line.procedureId);
    }
  }
  // The planner is keyed by procedure name so its messages ("no site ... offers Orbits") read plainly.
  const nameOf = (pid: string) => snap.procedureNames[pid] ?? pid;
  const sitesWithoutTravel: string[] = [];
  const sites: PlannerSite[] = [];
  const sitesNotAgreed: string[] = [];
  for (const s of planningSites(db)) {
    // Only a site that has agreed to take the user can be given rotation days.
    if (s.status !== 'agreed' && s.status !== 'active') {
      sitesNotAgreed.push(s.name);
      continue;
    }
    if (s.travelMinutes === null) {
      sitesWithoutTravel.push(s.name);
      continue;
    }
    sites.push({
      id: s.id,
      name: s.name,
      travelMinutesOneWay: s.travelMinutes,
      procedures: [...(offered.get(s.id) ?? [])].map(nameOf),
      ...(yields.get(s.id) ? { yieldPerDay: yields.get(s.id)! } : {}),
    });
  }
  const allDays = [...yields.values()];
  const overallYield = allDays.length ? allDays.reduce((a, b) => a + b, 0) / allDays.length : DEFAULT_YIELD_PER_DAY;
  const dailyCap = snap.catalog?.dailyCap?.value ?? disciplineByCode(snap.track.discipline)?.dailyCap ?? 10;

  const sessions = listSessions(db).map((s) => ({
    id: String(s.id),
    date: s.date,
    siteId: s.siteId,
    hours: s.hours,
    status: s.status,
    ...(s.startTime ? { startTime: s.startTime } : {}),
  }));
  const plan = planRotations({
    pattern: settings.pattern,
    timeOff: listTimeOff(db),
    sessions,
    sites,
    remaining: Object.fromEntries(Object.entries(snap.remainingByProcedure).map(([pid, n]) => [nameOf(pid), n])),
    defaultYieldPerDay: overallYield || DEFAULT_YIELD_PER_DAY,
    dailyCap,
    from,
    target,
    maxTravelMinutesPerDay: settings.maxTravelMinutes,
    shiftHours: settings.shiftHours,
    maxDayHours: settings.maxDayHours,
    maxRotationDaysPerWeek: settings.maxRotationDaysPerWeek,
  });

  // Counted entries that leave the window before the plan's finish would have to be redone.
  const finish = plan.finish;
  const windowMonths = snap.catalog?.windowMonths?.value ?? null;
  let expiringBeforeFinish = 0;
  if (finish && windowMonths !== null && snap.track.examWindowAssignedOn === null) {
    const application = snap.track.plannedApplicationDate && snap.track.plannedApplicationDate > finish ? snap.track.plannedApplicationDate : finish;
    // validThrough is the last application date an entry still counts for.
    for (const v of snap.validThrough) {
      if (v < application) expiringBeforeFinish++;
      else break;
    }
  }
  const parts: string[] = [];
  if (finish) parts.push(`With this plan the rotation days alone cover what is missing by ${finish}.`);
  else if (plan.sessions.length > 0) {
    const covered = plan.sessions.reduce((n, s) => n + s.expectedTotal, 0);
    const needed = Object.values(snap.remainingByProcedure).reduce((n, r) => n + r, 0);
    parts.push(`These ${plan.sessions.length} rotation days are expected to cover ${covered} of the ${needed} repetitions still needed.`);
  }
  if (paceFinish) parts.push(`At your recent pace without extra rotation days: around ${paceFinish}.`);
  if (expiringBeforeFinish > 0) {
    parts.push(
      `${expiringBeforeFinish} counted ${expiringBeforeFinish === 1 ? 'entry leaves' : 'entries leave'} the ${windowMonths}-month window before then and would need redoing.`,
    );
  }
  return { ...base, sitesWithoutTravel, sitesNotAgreed, plan, paceFinish, expiringBeforeFinish, refusal: null, summary: parts.join(' ') };
}

function exportIcs(ctx: Ctx, fromIn: string | null | undefined): { filename: string; text: string; events: number } {
  const today = localIsoDate(ctx.now());
  const from = fromIn ?? today;
  const sites = new Map(allSites(ctx.db).map((s) => [s.id, s]));
  const sessions = listSessions(ctx.db, from, null);
  const events = sessions.map((s) =>
    rotationSessionEvent(
      { id: String(s.id), date: s.date, siteId: s.siteId, hours: s.hours, status: s.status, ...(s.startTime ? { startTime: s.startTime } : {}) },
      s.siteName,
      {
        ...(sites.get(s.siteId)?.travelMinutes != null ? { description: `Travel about ${sites.get(s.siteId)!.travelMinutes} min each way.${s.notes ? `\n${s.notes}` : ''}` } : s.notes ? { description: s.notes } : {}),
      },
    ),
  );
  const text = buildIcs(events, { dtstamp: ctx.now(), calendarName: 'RadLedger rotation plan' });
  return { filename: `radledger-rotations-${today}.ics`, text, events: events.length };
}

export const planningHandlers: HandlerMap<ChannelsOf<typeof planningChannels>> = {
  'planning.get': (ctx) => ({
    today: localIsoDate(ctx.now()),
    settings: getSettings(ctx.db),
    timeOff: listTimeOff(ctx.db),
    sessions: listSessions(ctx.db),
    sites: planningSites(ctx.db),
  }),
  'planning.saveSettings': (ctx, input) => {
    const now = ctx.now().toISOString();
    const before = getSettings(ctx.db);
    ctx.db.transaction(() => {
      // zod checked 0..6; the schedule module's Weekday type is that range.
      saveSettings(ctx.db, { ...input, pattern: input.pattern as WorkPattern, targetDate: input.targetDate ?? null }, now);
      appendAudit(ctx.db, now, 'planning_settings', 1, before.saved ? 'update' : 'create', before.saved ? before : null, input);
    })();
    return getSettings(ctx.db);
  },
  'planning.addTimeOff': (ctx, input) => {
    const now = ctx.now().toISOString();
    const id = ctx.db.transaction(() => {
      const newId = insertTimeOff(ctx.db, { ...input, now });
      appendAudit(ctx.db, now, 'time_off', newId, 'create', null, input);
      return newId;
    })();
    return getTimeOff(ctx.db, id)!;
  },
  'planning.deleteTimeOff': (ctx, input) => {
    const before = getTimeOff(ctx.db, input.id);
    if (!before) throw new AppFailure('not-found', 'That time off no longer exists.');
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      deleteTimeOff(ctx.db, input.id);
      appendAudit(ctx.db, now, 'time_off', input.id, 'delete', before, null);
    })();
    return { id: input.id };
  },
  'planning.saveSession': (ctx, input) => {
    requireSite(ctx.db, input.siteId);
    const now = ctx.now().toISOString();
    const fields = { siteId: input.siteId, date: input.date, startTime: input.startTime ?? null, hours: input.hours, status: input.status, notes: input.notes, now };
    const id = ctx.db.transaction(() => {
      if (input.id !== undefined) {
        const before = requireSessionRecord(ctx.db, input.id);
        updateSession(ctx.db, input.id, fields);
        appendAudit(ctx.db, now, 'rotation_session', input.id, 'update', before, getSession(ctx.db, input.id));
        return input.id;
      }
      const newId = insertSession(ctx.db, fields);
      appendAudit(ctx.db, now, 'rotation_session', newId, 'create', null, getSession(ctx.db, newId));
      return newId;
    })();
    return getSession(ctx.db, id)!;
  },
  'planning.deleteSession': (ctx, input) => {
    const before = requireSessionRecord(ctx.db, input.id);
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      deleteSession(ctx.db, input.id);
      appendAudit(ctx.db, now, 'rotation_session', input.id, 'delete', before, null);
    })();
    return { id: input.id };
  },
  'planning.propose': (ctx, input) => propose(ctx, input.trackId, input.target, input.from),
  'planning.accept': (ctx, input) => {
    const now = ctx.now().toISOString();
    const hours = getSettings(ctx.db).shiftHours;
    for (const s of input.sessions) requireSite(ctx.db, s.siteId);
    const ids = ctx.db.transaction(() =>
      input.sessions.map((s) => {
        const newId = insertSession(ctx.db, { siteId: s.siteId, date: s.date, startTime: null, hours, status: 'planned', notes: 'Proposed by the planner', now });
        appendAudit(ctx.db, now, 'rotation_session', newId, 'create', null, getSession(ctx.db, newId));
        return newId;
      }),
    )();
    return ids.map((i) => getSession(ctx.db, i)!);
  },
  'planning.exportIcs': (ctx, input) => exportIcs(ctx, input.from),
};
