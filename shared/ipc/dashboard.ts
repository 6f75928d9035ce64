// Progress dashboard and Today items: one call returns everything the Progress page draws for a track.
import { z } from 'zod';
import type { VersionWarning } from '../catalog/versions';
import type { EducationSummary } from '../education/summary';
import type { NotCountingReason } from '../engine/evaluate';
import type { FinishEstimate, Forecast } from '../planning/forecast';
import { channel } from './define';
import { id } from './tracks';

export const dashboardInput = z.strictObject({
  trackId: id,
  /** The forecast's pace window in weeks (the user picks it). */
  paceWindowWeeks: z.number().int().min(1, 'Pick at least 1 week.').max(52, 'Pick at most 52 weeks.').default(8),
});

export interface DashboardCatalog {
  key: string;
  title: string;
  /** e.g. "Example — not ARRT requirements". */
  label: string | null;
  kind: 'arrt' | 'custom' | 'example';
  proceduresStatus: 'complete' | 'partial' | 'unknown';
  /** True when the catalog says how many repetitions are required (the progress numbers mean something). */
  numbersKnown: boolean;
  /** Where it came from: the track's chosen catalog, or the discipline's shipped one. */
  resolvedFrom: 'track' | 'builtin' | 'none';
}

export interface CategoryBar {
  categoryId: string;
  name: string;
  required: number | null;
  /** Counted entries of the category's procedures, surplus repetitions included. */
  counted: number;
  /** What counts toward the category's requirement: required - remaining (null when unknown). */
  credited: number | null;
  performed: number;
  remaining: number | null;
}

export interface ChecklistItem {
  procedureId: string;
  name: string;
  categoryName: string;
  required: number | null;
  counted: number;
  met: boolean;
}

export interface ElectiveOption extends ChecklistItem {
  /** Picked by the rules to satisfy an electives minimum (completed ones first, then the cheapest). */
  chosen: boolean;
  remaining: number | null;
}

export interface ElectiveRuleSummary {
  /** "overall" or the category's name. */
  scope: string;
  required: number;
  completed: number;
  remaining: number;
  available: number;
}

export interface WeekPoint {
  /** Monday of the week. */
  weekStart: string;
  logged: number;
  counted: number;
}

export interface ExpiryMonth {
  /** 'YYYY-MM': month in which these counted entries leave the window. */
  month: string;
  count: number;
}

export interface MissingSite {
  siteId: number;
  name: string;
  /** Entries of this procedure logged there for this track. */
  performed: number;
  /** The site says it can offer the procedure (Sites page). */
  offered: boolean;
  travelMinutes: number | null;
}

export type Difficulty = 'hard' | 'medium' | 'easier';

export interface MissingLine {
  kind: 'catalog' | 'procedure' | 'electives' | 'elective-procedure' | 'total';
  /** Plain words: what is short and by how much. */
  text: string;
  count: number | null;
  procedureId: string | null;
  /** Sites that supplied it before (from the log) or offer it, most performed first. */
  sites: MissingSite[];
  difficulty: Difficulty | null;
  /** Plain words: why it is ranked where it is. */
  why: string;
}

export interface DashboardData {
  track: { id: number; name: string; discipline: string; startDate: string; plannedApplicationDate: string | null };
  today: string;
  catalog: DashboardCatalog;
  overall: {
    required: number | null;
    counted: number;
    /** required - remaining: what counts toward the requirements (null when unknown). */
    credited: number | null;
    performed: number;
    remaining: number | null;
    /** 0..100, null when the required number is not known. */
    percent: number | null;
    complete: boolean | null;
    mandatoryMet: boolean | null;
  };
  notCounting: Array<{ reason: NotCountingReason; text: string; count: number }>;
  categories: CategoryBar[];
  mandatory: ChecklistItem[];
  electiveRules: ElectiveRuleSummary[];
  electives: ElectiveOption[];
  weekly: WeekPoint[];
  expiry: ExpiryMonth[];
  expiringSoon: { within30: number; within60: number; within90: number };
  missing: MissingLine[];
  /** 'log-and-offered' when the Sites feature's offered procedures were read; 'log-only' otherwise. */
  missingSource: 'log-and-offered' | 'log-only';
  forecast: Forecast | { status: 'unknown-numbers'; message: string };
  /** The finish date shown everywhere: from the pace of the log, else the accepted plan, and which. */
  finish: FinishEstimate;
  paceWindowWeeks: number;
  /** Every warning in words: the engine's, then the requirement version's (ending / ended). */
  warnings: string[];
  /** The requirement version's end, when it is near or past (shown with its date and days left). */
  versionWarnings: VersionWarning[];
  /** The 24-month window: frozen at `lockedOn` once an exam window is assigned. */
  window: { months: number | null; start: string | null; lockedOn: string | null; text: string };
  education: EducationSummary;
}

export interface TodayRotation {
  id: number;
  siteName: string;
  startTime: string | null;
  hours: number;
  status: 'planned' | 'done';
  notes: string;
}

export interface TodayExpiring {
  trackId: number;
  trackName: string;
  within30: number;
  within60: number;
  within90: number;
  /** The soonest date on which a counted entry leaves the window. */
  firstDate: string | null;
}

export interface TodayVersionWarning extends VersionWarning {
  trackId: number;
  trackName: string;
}

export interface TodayItems {
  today: string;
  rotations: TodayRotation[];
  nextRotation: (TodayRotation & { date: string }) | null;
  expiring: TodayExpiring[];
  /** Each track's finish date and its basis. */
  finishes: Array<{ trackId: number; trackName: string; finish: FinishEstimate }>;
  /** Tracks whose requirement version ends within 180 days or has ended. */
  versionWarnings: TodayVersionWarning[];
}

export const dashboardChannels = {
  'dashboard.get': channel<DashboardData>()(dashboardInput),
  'dashboard.today': channel<TodayItems>()(z.undefined()),
};
