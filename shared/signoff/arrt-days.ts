// The ARRT entry helper's plan: entries not yet entered in ARRT's tool, grouped by the day they were
// performed (ARRT counts entries per performance day, docs/arrt-rules.md, "daily limit"), at most the
// discipline's daily cap per day; within a day in the order of the catalog's procedure list when one
// is known (the order of ARRT's worksheet), otherwise by time. Entries beyond the cap for their day
// cannot be reported at all (ARRT: start fresh the next day) and are listed apart, never moved to
// another day.
/** ARRT's daily caps apply to procedures performed on or after this date. */
export const DAILY_CAP_FROM = '2020-01-01';

export interface HelperEntry {
  id: number;
  performedOn: string;
  performedAt: string | null;
  procedureId: string | null;
  procedureName: string;
  siteName: string | null;
  simulated: boolean;
}

export interface HelperDay<E extends HelperEntry = HelperEntry> {
  date: string;
  toEnter: E[];
  /** Over the daily cap for this day: cannot be entered in ARRT's tool. */
  overCap: E[];
  /** Entries of this day already entered (they use up the cap). */
  alreadyEntered: number;
}

export function planArrtDays<E extends HelperEntry>(
  pending: readonly E[],
  enteredPerDay: Readonly<Record<string, number>>,
  dailyCap: number,
  procedureOrder: readonly string[] = [],
): HelperDay<E>[] {
  const rank = new Map(procedureOrder.map((id, i) => [id, i] as const));
  const byDay = new Map<string, E[]>();
  for (const e of pending) {
    const list = byDay.get(e.performedOn) ?? [];
    list.push(e);
    byDay.set(e.performedOn, list);
  }
  const rankOf = (e: E) => (e.procedureId !== null && rank.has(e.procedureId) ? rank.get(e.procedureId)! : Number.MAX_SAFE_INTEGER);
  return [...byDay.keys()].sort().map((date) => {
    // Which entries fit under the cap is decided in time order (first performed first), so the
    // choice does not depend on the worksheet order; the kept ones are then shown in worksheet order.
    const chronological = [...byDay.get(date)!].sort(
      (a, b) => (a.performedAt ?? '99:99').localeCompare(b.performedAt ?? '99:99') || a.id - b.id,
    );
    const already = enteredPerDay[date] ?? 0;
    const room = Math.max(0, dailyCap - already);
    const toEnter = chronological.slice(0, room).sort((a, b) => rankOf(a) - rankOf(b) || 0);
    const overCap = chronological.slice(room);
    return { date, toEnter, overCap, alreadyEntered: already };
  });
}
