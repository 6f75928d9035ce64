// Small formatting helpers for the Progress dashboard: plain words, readable dates.
import { format, parseISO } from 'date-fns';

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** 'YYYY-MM' -> 'Mar 2027'. */
export function monthLabel(month: string): string {
  return format(parseISO(`${month}-01`), 'MMM yyyy');
}

/** 'YYYY-MM-DD' -> 'Tue 3 Mar 2027'. */
export function dayLabel(date: string): string {
  return format(parseISO(date), 'EEE d MMM yyyy');
}

/** 'YYYY-MM-DD' -> '3 Mar'. */
export function shortDay(date: string): string {
  return format(parseISO(date), 'd MMM');
}
