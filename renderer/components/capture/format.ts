// Small display helpers shared by the capture components.
import { format, parseISO } from 'date-fns';

/** "Nov 24" for an ISO calendar date. */
export function shortDay(iso: string): string {
  return format(parseISO(iso), 'MMM d');
}

/** "Nov 24, 2026 14:05" for an ISO instant, in the user's local time. */
export function localInstant(iso: string): string {
  return format(new Date(iso), 'MMM d, yyyy HH:mm');
}
