// Small display and parsing helpers for the Sites page.
import { SITE_KIND_LABELS, type SiteRecord } from '../../../shared/sites/types';

export function money(cents: number): string {
  if (cents === 0) return 'No cost';
  return (cents / 100).toLocaleString(undefined, { style: 'currency', currency: 'USD' });
}

/** "250", "250.5" or "$1,250.00" -> cents; null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const clean = text.replace(/[$,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

export function travel(minutes: number | null): string | null {
  if (minutes === null) return null;
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function siteSummary(site: SiteRecord): string {
  return [SITE_KIND_LABELS[site.kind], site.location || null, travel(site.travelMinutes)].filter(Boolean).join(' · ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "due today", "due in 3 days", "2 days overdue" / "expired 4 days ago". */
export function relativeDays(daysLeft: number, words: { future: string; past: string }): string {
  if (daysLeft === 0) return `${words.future} today`;
  if (daysLeft > 0) return `${words.future} in ${plural(daysLeft, 'day')}`;
  return `${words.past} ${plural(-daysLeft, 'day')} ago`;
}

const OPEN_SITE_KEY = 'radledger.sites.open';
const OPEN_TAB_KEY = 'radledger.sites.tab';

/** Asks the Sites page to open one site (used by Today's follow-ups), then navigates there. */
export function openSiteFromElsewhere(siteId: number): void {
  sessionStorage.setItem(OPEN_SITE_KEY, String(siteId));
  window.location.hash = '/sites';
}

/** Asks the Sites page to open on its compliance wallet (used by Today's reminders). */
export function openWalletFromElsewhere(): void {
  sessionStorage.setItem(OPEN_TAB_KEY, 'wallet');
  window.location.hash = '/sites';
}

export function takeSiteToOpen(): number | null {
  const v = sessionStorage.getItem(OPEN_SITE_KEY);
  sessionStorage.removeItem(OPEN_SITE_KEY);
  return v ? Number(v) : null;
}

export function takeTabToOpen(): string | null {
  const v = sessionStorage.getItem(OPEN_TAB_KEY);
  sessionStorage.removeItem(OPEN_TAB_KEY);
  return v;
}
