// Work schedule, time off, rotation sessions, the rotation planner and the .ics export.
import { z } from 'zod';
import type { Plan } from '../planning/planner';
import type { RosterChange, ShiftDefinition } from '../planning/roster';
import type { WorkPattern } from '../planning/schedule';
import { channel } from './define';
import { id, isoDate } from './tracks';

export interface PlanningSettings {
  pattern: WorkPattern;
  /** Round-trip travel accepted per day, minutes. */
  maxTravelMinutes: number;
  shiftHours: number;
  maxDayHours: number;
  maxRotationDaysPerWeek: number;
  targetDate: string | null;
  /** Hours of rest between a work shift and a rotation, travel included (default 10). */
  restHours: number;
  /** IANA zone of the roster and sessions; null = the computer's zone. */
  timeZone: string | null;
  /** Preferred local start of a proposed session 'HH:MM'. */
  preferredStart: string;
  /** False until the user saves a schedule (the defaults are then a guess, shown as such). */
  saved: boolean;
}

export interface TimeOffRecord {
  id: number;
  from: string;
  to: string;
  note: string;
}

export interface RotationSessionRecord {
  id: number;
  siteId: number;
  siteName: string;
  date: string;
  startTime: string | null;
  hours: number;
  status: 'planned' | 'done';
  notes: string;
}

export interface PlanningSiteInfo {
  id: number;
  name: string;
  /** One way, minutes; null when the Sites page has no travel time for it. */
  travelMinutes: number | null;
  status: string;
  location: string;
}

export interface PlanningState {
  today: string;
  settings: PlanningSettings;
  /** The zone in use: the saved one, else the computer's. */
  timeZone: string;
  definitions: ShiftDefinition[];
  changes: Array<RosterChange & { note: string }>;
  timeOff: TimeOffRecord[];
  sessions: RotationSessionRecord[];
  sites: PlanningSiteInfo[];
}

export interface PlanProposal {
  /** The planner's answer, keyed by procedure name; `sessions` are proposals, nothing is saved until accepted. */
  plan: Plan | null;
  /** Why there is no plan (numbers unknown, no target...), in plain words. */
  refusal: string | null;
  target: string | null;
  from: string;
  /** The pace forecast's likely finish, to set beside the plan's. */
  paceFinish: string | null;
  /** Counted entries that leave the window before the plan's finish (they would need redoing). */
  expiringBeforeFinish: number;
  /** Plain words: what the plan means for the finish date. */
  summary: string;
  /** Sites skipped because the Sites page has no travel time for them. */
  sitesWithoutTravel: string[];
  /** Sites skipped because they have not agreed to take the user (prospect, contacted, follow-up). */
  sitesNotAgreed: string[];
}

const weekday = z.number().int().min(0).max(6);
const hhmm = z
  .string()
  .max(5, { message: 'Use a time as HH:MM.', abort: true })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time as HH:MM.')
  .nullish();

const shiftCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(4, { message: 'Use 1 to 4 letters or digits.', abort: true })
  .regex(/^[A-Z0-9]{1,4}$/, 'Use 1 to 4 letters or digits.')
  .refine((c) => c !== 'O', "'O' means a day off; pick another code.");
const hhmmRequired = z.string().max(5, { message: 'Use a time as HH:MM.', abort: true }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time as HH:MM.');

export const patternInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('weekly'),
    weekdays: z.array(weekday).max(7).refine((d) => new Set(d).size === d.length, 'Each weekday once.'),
    code: shiftCode.optional(),
  }),
  z.strictObject({
    kind: z.literal('cycle'),
    anchor: isoDate,
    days: z.array(z.boolean()).min(2, 'A cycle has at least 2 days.').max(56, 'Keep a cycle to 8 weeks or less.'),
    code: shiftCode.optional(),
  }),
  z.strictObject({
    kind: z.literal('sequence'),
    anchor: isoDate,
    codes: z
      .array(z.string().trim().toUpperCase().max(4, { message: 'Use shift codes like D, N or O.', abort: true }).regex(/^[A-Z0-9]{1,4}$/, 'Use shift codes like D, N or O.'))
      .min(2, 'A sequence has at least 2 days.')
      .max(56, 'Keep a sequence to 8 weeks or less.'),
  }),
]);

export const definitionInput = z
  .strictObject({
    code: shiftCode,
    label: z.string().trim().min(1, 'Name the shift.').max(40, { abort: true }),
    start: hhmmRequired,
    end: hhmmRequired,
    kind: z.enum(['work', 'on-call']).default('work'),
  })
  .refine((d) => d.start !== d.end, { message: 'A shift cannot start and end at the same time.', path: ['end'] });

export const definitionsInput = z
  .strictObject({ definitions: z.array(definitionInput).min(1, 'Keep at least one shift.').max(12) })
  .refine((v) => new Set(v.definitions.map((d) => d.code)).size === v.definitions.length, {
    message: 'Each code once.',
    path: ['definitions'],
  });

export const changeInput = z.strictObject({
  date: isoDate,
  /** The code worked that day, or null for a day off. */
  code: shiftCode.nullable(),
  note: z.string().trim().max(200, { abort: true }).default(''),
});

export const settingsInput = z.strictObject({
  pattern: patternInput,
  maxTravelMinutes: z.number().int().min(0).max(24 * 60),
  shiftHours: z.number().positive('Enter the rotation shift length.').max(24),
  maxDayHours: z.number().positive().max(24),
  maxRotationDaysPerWeek: z.number().int().min(1).max(7),
  targetDate: isoDate.nullish(),
  restHours: z.number().min(0).max(24).default(10),
  timeZone: z
    .string()
    .max(64, { abort: true })
    .refine((z2) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: z2 });
        return true;
      } catch {
        return false;
      }
    }, 'Not a time zone this computer knows.')
    .nullish(),
  preferredStart: hhmmRequired.default('08:00'),
});

export const timeOffInput = z
  .strictObject({ from: isoDate, to: isoDate, note: z.string().trim().max(200, { abort: true }).default('') })
  .refine((t) => t.to >= t.from, { message: 'The last day cannot be before the first.', path: ['to'] });

export const sessionInput = z.strictObject({
  id: id.optional(),
  siteId: id,
  date: isoDate,
  startTime: hhmm,
  hours: z.number().positive('Enter the hours.').max(24, 'At most 24 hours.'),
  status: z.enum(['planned', 'done']).default('planned'),
  notes: z.string().trim().max(500, { abort: true }).default(''),
});

export const proposeInput = z.strictObject({
  trackId: id,
  /** Default: the saved target, else the track's planned application date. */
  target: isoDate.nullish(),
  /** First day that may be proposed; default tomorrow. */
  from: isoDate.nullish(),
});

export const acceptInput = z.strictObject({
  sessions: z
    .array(z.strictObject({ siteId: id, date: isoDate, startTime: hhmm, hours: z.number().positive().max(24).optional() }))
    .min(1, 'Nothing to accept.')
    .max(730),
});

export const planningChannels = {
  'planning.get': channel<PlanningState>()(z.undefined()),
  'planning.saveSettings': channel<PlanningSettings>()(settingsInput),
  'planning.addTimeOff': channel<TimeOffRecord>()(timeOffInput),
  'planning.deleteTimeOff': channel<{ id: number }>()(z.strictObject({ id })),
  'planning.saveSession': channel<RotationSessionRecord>()(sessionInput),
  'planning.deleteSession': channel<{ id: number }>()(z.strictObject({ id })),
  'planning.propose': channel<PlanProposal>()(proposeInput),
  'planning.accept': channel<RotationSessionRecord[]>()(acceptInput),
  'planning.exportIcs': channel<{ filename: string; text: string; events: number }>()(
    z.strictObject({ from: isoDate.nullish(), includeShifts: z.boolean().default(false) }).default({ includeShifts: false }),
  ),
  'planning.saveDefinitions': channel<ShiftDefinition[]>()(definitionsInput),
  'planning.saveChange': channel<RosterChange & { note: string }>()(changeInput),
  'planning.deleteChange': channel<{ date: string }>()(z.strictObject({ date: isoDate })),
};
