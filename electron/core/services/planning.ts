// The work roster (shift definitions, pattern, one-off changes), time off, rotation sessions, the
// rotation planner and the .ics export. Every write and its audit row share one transaction.
import { localIsoDate } from '../../../shared/dates';
import type { PlanProposal, RotationSessionRecord, planningChannels } from '../../../shared/ipc/planning';
import type { IcsEvent } from '../../../shared/planning/ics';
import { planRotations } from '../../../shared/planning/planner';
import { shiftsBetween } from '../../../shared/planning/roster';
import { addIsoDays, type WorkPattern } from '../../../shared/planning/schedule';
import { AppFailure } from '../../../shared/result';
import { appendAudit } from '../audit';
import type { Ctx } from '../context';
import type { DB } from '../db/open';
import {
  deleteChange,
  deleteSession,
  deleteTimeOff,
  getChange,
  getSession,
  getSettings,
  getTimeOff,
  insertSession,
  insertTimeOff,
  listChanges,
  listDefinitions,
  listSessions,
  listTimeOff,
  planningSites,
  replaceDefinitions,
  saveChange,
  saveSettings,
  updateSession,
} from '../tables/planning';
import { dashboardFor, trackSnapshot } from './dashboard';
import { plannerContext, zoneOf } from './plan-inputs';
import type { ChannelsOf, HandlerMap } from './types';

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

  const context = plannerContext(db, snap, trackId);
  const plan = planRotations({ ...context.input, from, target });

  const finish = plan.finish;
  const windowMonths = snap.catalog?.windowMonths?.value ?? null;
  const parts: string[] = [];
  if (finish) parts.push(`With this plan the rotation days alone cover what is missing by ${finish}.`);
  else if (plan.sessions.length > 0) {
    const covered = plan.sessions.reduce((n, s) => n + s.expectedTotal, 0);
    const needed = Object.values(snap.remainingByProcedure).reduce((n, r) => n + r, 0) + plan.expiryAdded;
    parts.push(`These ${plan.sessions.length} rotation days are expected to cover ${covered} of the ${needed} repetitions still needed.`);
  }
  if (paceFinish) parts.push(`At your recent pace without extra rotation days: around ${paceFinish}.`);
  if (plan.expiryAdded > 0) {
    parts.push(
      `${plan.expiryAdded} counted ${plan.expiryAdded === 1 ? 'entry leaves' : 'entries leave'} the ${windowMonths}-month window before then; the plan already includes the days to redo ${plan.expiryAdded === 1 ? 'it' : 'them'}.`,
    );
  }
  return {
    ...base,
    sitesWithoutTravel: context.sitesWithoutTravel,
    sitesNotAgreed: context.sitesNotAgreed,
    plan,
    paceFinish,
    expiringBeforeFinish: plan.expiryAdded,
    refusal: null,
    summary: parts.join(' '),
  };
}

async function exportIcs(ctx: Ctx, fromIn: string | null | undefined, includeShifts: boolean): Promise<{ filename: string; text: string; events: number }> {
  // ical.js loads on first use, not with the backend (docs/decisions.md).
  const { buildIcs, rotationSessionEvent, shiftEvent } = await import('../../../shared/planning/ics');
  const today = localIsoDate(ctx.now());
  const from = fromIn ?? today;
  const settings = getSettings(ctx.db);
  const zone = zoneOf(settings);
  const allSiteRows = ctx.db.prepare('SELECT id, name, location, travel_minutes AS travelMinutes FROM sites').all() as Array<{
    id: number;
    name: string;
    location: string;
    travelMinutes: number | null;
  }>;
  const siteRow = new Map(allSiteRows.map((s) => [s.id, s]));
  const sessions = listSessions(ctx.db, from, null);
  const events: IcsEvent[] = sessions.map((s) => {
    const site = siteRow.get(s.siteId);
    const travel = site?.travelMinutes != null ? `Travel about ${site.travelMinutes} min each way.` : '';
    const description = [travel, s.notes].filter(Boolean).join('\n');
    return rotationSessionEvent(
      { id: String(s.id), date: s.date, siteId: s.siteId, hours: s.hours, status: s.status, ...(s.startTime ? { startTime: s.startTime } : {}) },
      s.siteName,
      { ...(site?.location ? { location: `${s.siteName}, ${site.location}` } : {}), ...(description ? { description } : {}) },
    );
  });
  if (includeShifts) {
    // Shifts through the last session, and at least the next 12 weeks.
    const last = sessions.length > 0 ? sessions[sessions.length - 1]!.date : from;
    const to = last > addIsoDays(from, 84) ? last : addIsoDays(from, 84);
    const roster = { definitions: listDefinitions(ctx.db), pattern: settings.pattern, changes: listChanges(ctx.db) };
    events.push(...shiftsBetween(roster, from, to, zone).map(shiftEvent));
    events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.startTime ?? '') < (b.startTime ?? '') ? -1 : 1));
  }
  const text = buildIcs(events, { dtstamp: ctx.now(), calendarName: 'RadLedger rotation plan', timeZone: zone });
  return { filename: `radledger-rotations-${today}.ics`, text, events: events.length };
}

export const planningHandlers: HandlerMap<ChannelsOf<typeof planningChannels>> = {
  'planning.get': (ctx) => ({
    today: localIsoDate(ctx.now()),
    settings: getSettings(ctx.db),
    timeZone: zoneOf(getSettings(ctx.db)),
    definitions: listDefinitions(ctx.db),
    changes: listChanges(ctx.db),
    timeOff: listTimeOff(ctx.db),
    sessions: listSessions(ctx.db),
    sites: planningSites(ctx.db),
  }),
  'planning.saveSettings': (ctx, input) => {
    const now = ctx.now().toISOString();
    const before = getSettings(ctx.db);
    ctx.db.transaction(() => {
      // zod checked 0..6; the schedule module's Weekday type is that range.
      const codes = new Set(listDefinitions(ctx.db).map((d) => d.code));
      const used = input.pattern.kind === 'sequence' ? input.pattern.codes.filter((c) => c !== 'O') : [input.pattern.code ?? 'D'];
      const unknown = [...new Set(used.filter((c) => !codes.has(c)))];
      if (unknown.length > 0) {
        const path = input.pattern.kind === 'sequence' ? 'pattern.codes' : 'pattern.code';
        throw new AppFailure('validation', `No shift has the code ${unknown.join(', ')}.`, [
          { path, message: `No shift has the code ${unknown.join(', ')}; add it under Shifts or use O for a day off.` },
        ]);
      }
      saveSettings(
        ctx.db,
        { ...input, pattern: input.pattern as WorkPattern, targetDate: input.targetDate ?? null, timeZone: input.timeZone ?? null },
        now,
      );
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
        const newId = insertSession(ctx.db, {
          siteId: s.siteId,
          date: s.date,
          startTime: s.startTime ?? null,
          hours: s.hours ?? hours,
          status: 'planned',
          notes: 'Proposed by the planner',
          now,
        });
        appendAudit(ctx.db, now, 'rotation_session', newId, 'create', null, getSession(ctx.db, newId));
        return newId;
      }),
    )();
    return ids.map((i) => getSession(ctx.db, i)!);
  },
  'planning.exportIcs': (ctx, input) => exportIcs(ctx, input.from, input.includeShifts),
  'planning.saveDefinitions': (ctx, input) => {
    const now = ctx.now().toISOString();
    const before = listDefinitions(ctx.db);
    const settings = getSettings(ctx.db);
    const codes = new Set(input.definitions.map((d) => d.code));
    const p = settings.pattern;
    const used = p.kind === 'sequence' ? p.codes.filter((c) => c !== 'O') : settings.saved ? [p.code ?? 'D'] : [];
    const missing = [...new Set(used.filter((c) => !codes.has(c)))];
    if (missing.length > 0) {
      throw new AppFailure('validation', `Your work pattern uses ${missing.join(', ')}; change the pattern before removing that shift.`, [
        { path: 'definitions', message: `Your work pattern uses ${missing.join(', ')}.` },
      ]);
    }
    ctx.db.transaction(() => {
      replaceDefinitions(ctx.db, input.definitions);
      appendAudit(ctx.db, now, 'shift_definitions', 1, 'update', before, input.definitions);
    })();
    return listDefinitions(ctx.db);
  },
  'planning.saveChange': (ctx, input) => {
    if (input.code !== null && !listDefinitions(ctx.db).some((d) => d.code === input.code)) {
      throw new AppFailure('validation', `No shift has the code ${input.code}.`, [{ path: 'code', message: 'Pick one of your shifts or "Day off".' }]);
    }
    const now = ctx.now().toISOString();
    const before = getChange(ctx.db, input.date) ?? null;
    ctx.db.transaction(() => {
      saveChange(ctx.db, input, now);
      appendAudit(ctx.db, now, 'roster_change', Number(input.date.replace(/-/g, '')), before ? 'update' : 'create', before, input);
    })();
    return getChange(ctx.db, input.date)!;
  },
  'planning.deleteChange': (ctx, input) => {
    const before = getChange(ctx.db, input.date);
    if (!before) throw new AppFailure('not-found', 'That change to your roster no longer exists.');
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      deleteChange(ctx.db, input.date);
      appendAudit(ctx.db, now, 'roster_change', Number(input.date.replace(/-/g, '')), 'delete', before, null);
    })();
    return { date: input.date };
  },
};
