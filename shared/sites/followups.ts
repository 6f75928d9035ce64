// Which follow-ups are due. Only a site's latest contact counts: logging a new contact answers the
// follow-up the previous one asked for. Pure, with today passed in.
import { daysBetween } from './dates';
import { isOpenOutreach } from './pipeline';
import type { SiteContact, SiteRecord } from './types';

export interface DueFollowUp {
  contactId: number;
  siteId: number;
  siteName: string;
  person: string;
  dueOn: string;
  /** Days past due (0 = due today). */
  daysOverdue: number;
  lastOutcome: string;
}

export function latestContact(contacts: readonly SiteContact[]): SiteContact | null {
  let latest: SiteContact | null = null;
  for (const c of contacts) {
    if (!latest || c.contactedOn > latest.contactedOn || (c.contactedOn === latest.contactedOn && c.id > latest.id)) latest = c;
  }
  return latest;
}

export function dueFollowUps(
  sites: readonly Pick<SiteRecord, 'id' | 'name' | 'status'>[],
  contacts: readonly SiteContact[],
  today: string,
): DueFollowUp[] {
  const bySite = new Map<number, SiteContact[]>();
  for (const c of contacts) {
    const list = bySite.get(c.siteId);
    if (list) list.push(c);
    else bySite.set(c.siteId, [c]);
  }
  const due: DueFollowUp[] = [];
  for (const site of sites) {
    if (!isOpenOutreach(site.status)) continue;
    const last = latestContact(bySite.get(site.id) ?? []);
    if (!last?.nextFollowUpOn || last.followUpDoneOn || last.nextFollowUpOn > today) continue;
    due.push({
      contactId: last.id,
      siteId: site.id,
      siteName: site.name,
      person: last.person,
      dueOn: last.nextFollowUpOn,
      daysOverdue: daysBetween(last.nextFollowUpOn, today),
      lastOutcome: last.outcome,
    });
  }
  return due.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.siteName.localeCompare(b.siteName)));
}
