// What the planner is given for a track: the roster, time off, sessions, usable sites with what they
// offer and yield, the need per procedure and the entries that can expire. Shared by the planner
// (services/planning.ts) and the finish date on the dashboard and Today (services/dashboard.ts), which
// measures the accepted plan with the same inputs. Only a type is imported from dashboard.ts.
import { disciplineByCode } from '../../../shared/disciplines';
import type { AcceptedPlan } from '../../../shared/planning/forecast';
import { planRotations, type ExpiringEntry, type PlanInput, type PlannerSite, type SkippedSite } from '../../../shared/planning/planner';
import { systemTimeZone } from '../../../shared/planning/zone';
import type { PlanningSettings } from '../../../shared/ipc/planning';
import type { DB } from '../db/open';
import { siteDays } from '../tables/dashboard';
import { getSettings, listChanges, listDefinitions, listSessions, listTimeOff, planningSites } from '../tables/planning';
import type { Snapshot } from './dashboard';

/** Without any history, a rotation day is assumed to yield this many counted entries. */
export const DEFAULT_YIELD_PER_DAY = 4;

export function zoneOf(settings: PlanningSettings): string {
  return settings.timeZone ?? systemTimeZone();
}

export interface PlannerContext {
  input: Omit<PlanInput, 'from' | 'target'>;
  sitesWithoutTravel: string[];
  sitesNotAgreed: string[];
}

export function plannerContext(db: DB, snap: Snapshot, trackId: number): PlannerContext {
  const settings = getSettings(db);
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
  const sitesNotAgreed: string[] = [];
  const skippedSites: SkippedSite[] = [];
  const sites: PlannerSite[] = [];
  for (const s of planningSites(db)) {
    const procedures = [...(offered.get(s.id) ?? [])].map(nameOf);
    // Only a site that has agreed to take the user can be given rotation days.
    if (s.status !== 'agreed' && s.status !== 'active') {
      sitesNotAgreed.push(s.name);
      skippedSites.push({ name: s.name, reason: 'not-agreed', procedures });
      continue;
    }
    if (s.travelMinutes === null) {
      sitesWithoutTravel.push(s.name);
      skippedSites.push({ name: s.name, reason: 'no-travel', procedures });
      continue;
    }
    sites.push({ id: s.id, name: s.name, travelMinutesOneWay: s.travelMinutes, procedures, ...(yields.get(s.id) ? { yieldPerDay: yields.get(s.id)! } : {}) });
  }
  const allDays = [...yields.values()];
  const overallYield = allDays.length ? allDays.reduce((a, b) => a + b, 0) / allDays.length : DEFAULT_YIELD_PER_DAY;
  const dailyCap = snap.catalog?.dailyCap?.value ?? disciplineByCode(snap.track.discipline)?.dailyCap ?? 10;

  // Counted entries whose expiry costs progress: per procedure, the surplus over the requirement
  // may age out harmlessly (the oldest first); each one after that must be done again.
  const expiring: ExpiringEntry[] = [];
  const windowMonths = snap.catalog?.windowMonths?.value ?? null;
  if (windowMonths !== null && snap.track.examWindowAssignedOn === null && snap.evaluation) {
    for (const p of snap.evaluation.procedures) {
      if (!p.needed || p.required === null) continue;
      const list = snap.validThroughByProcedure().get(p.procedureId) ?? [];
      const surplus = Math.max(0, p.counted - p.required);
      for (const v of [...list].sort().slice(surplus)) expiring.push({ key: nameOf(p.procedureId), validThrough: v });
    }
    expiring.sort((a, b) => (a.validThrough < b.validThrough ? -1 : a.validThrough > b.validThrough ? 1 : 0));
  }

  const sessions = listSessions(db).map((s) => ({
    id: String(s.id),
    date: s.date,
    siteId: s.siteId,
    hours: s.hours,
    status: s.status,
    ...(s.startTime ? { startTime: s.startTime } : {}),
  }));
  return {
    sitesWithoutTravel,
    sitesNotAgreed,
    input: {
      pattern: settings.pattern,
      definitions: listDefinitions(db),
      changes: listChanges(db),
      timeZone: zoneOf(settings),
      restHours: settings.restHours,
      preferredStart: settings.preferredStart,
      timeOff: listTimeOff(db),
      sessions,
      sites,
      skippedSites,
      expiring,
      plannedApplicationDate: snap.track.plannedApplicationDate,
      remaining: Object.fromEntries(Object.entries(snap.remainingByProcedure).map(([pid, n]) => [nameOf(pid), n])),
      defaultYieldPerDay: overallYield || DEFAULT_YIELD_PER_DAY,
      dailyCap,
      maxTravelMinutesPerDay: settings.maxTravelMinutes,
      shiftHours: settings.shiftHours,
      maxDayHours: settings.maxDayHours,
      maxRotationDaysPerWeek: settings.maxRotationDaysPerWeek,
    },
  };
}

/** The accepted plan measured: when its planned sessions from today on cover the need (expiry included). */
export function acceptedPlan(db: DB, snap: Snapshot, trackId: number, today: string): AcceptedPlan | null {
  const planned = listSessions(db, today, null).filter((s) => s.status === 'planned');
  if (planned.length === 0) return null;
  const { input } = plannerContext(db, snap, trackId);
  const plan = planRotations({ ...input, from: today, target: planned[planned.length - 1]!.date, proposeNew: false });
  return { finish: plan.finish, sessions: planned.length };
}
