// Calendar dates travel as ISO strings "YYYY-MM-DD": a procedure happens on a local day, never
// at an instant, so no time zone may shift it.
import { format, isValid, parseISO } from 'date-fns';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = parseISO(value);
  return isValid(d) && format(d, 'yyyy-MM-dd') === value;
}

/** Today's local calendar date as ISO. `now` is a parameter so callers and tests stay pure. */
export function localIsoDate(now: Date): string {
  return format(now, 'yyyy-MM-dd');
}
