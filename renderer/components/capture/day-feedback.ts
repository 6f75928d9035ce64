// The quick log's line under the date: which entry of the day this is, against whose daily limit.
import type { DayCount } from '../../../shared/ipc/entries';
import { shortDay } from './format';

/**
 * "Entry 8 of 9 CT entries ARRT accepts for Nov 24", or the over-cap warning. The limit is named by
 * whose it is: ARRT's, or the one the user's own requirement list sets (never called ARRT's).
 */
export function dayFeedback(day: DayCount): { text: string; over: boolean } {
  const d = shortDay(day.performedOn);
  const next = day.count + 1;
  const arrt = day.capSource === 'arrt';
  if (day.cap === null) {
    if (day.capSource === null) return { text: `Entry ${next} for ${d}.`, over: false };
    const whose = arrt ? "ARRT's daily limit applies" : "Your requirement list's daily limit applies";
    return { text: `Entry ${next} for ${d} (${whose} from ${day.capFrom ?? 'a later date'} on).`, over: false };
  }
  if (next <= day.cap) {
    const accepts = arrt ? 'ARRT accepts' : 'your requirement list counts';
    return { text: `Entry ${next} of ${day.cap} ${day.disciplineCode} entries ${accepts} for ${d}.`, over: false };
  }
  const limit = arrt ? "ARRT's daily limit" : "your requirement list's daily limit";
  const where = arrt ? 'cannot be entered in ARRT for that day' : 'does not count for that day';
  return {
    text: `Over ${limit}: ${d} already has ${day.count} ${day.disciplineCode} entries (limit ${day.cap}). This one is kept here but ${where}.`,
    over: true,
  };
}
