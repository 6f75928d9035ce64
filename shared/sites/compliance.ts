// The compliance wallet's judgement: how fresh each item is, what each site demands against what
// the user holds, and which reminders to show before things expire. Pure, with today passed in.
import { daysBetween } from './dates';
import { inferComplianceKind } from './kinds';
import { isOpenOutreach } from './pipeline';
import { COMPLIANCE_KIND_LABELS, LABEL_MATCHED_KINDS, type ComplianceItem, type Requirement, type SiteRecord } from './types';

/** Reminders start this many days ahead; the stronger warning at the nearer threshold. */
export const EXPIRY_WARN_DAYS = 60;
export const EXPIRY_URGENT_DAYS = 30;

export type Freshness = 'valid' | 'no-expiry' | 'expiring-60' | 'expiring-30' | 'expired';
export type CellState = Freshness | 'missing';

export function freshness(expiresOn: string | null, today: string): Freshness {
  if (!expiresOn) return 'no-expiry';
  const days = daysBetween(today, expiresOn);
  if (days < 0) return 'expired';
  if (days <= EXPIRY_URGENT_DAYS) return 'expiring-30';
  if (days <= EXPIRY_WARN_DAYS) return 'expiring-60';
  return 'valid';
}

export function requirementLabel(r: Requirement): string {
  return r.label ? `${COMPLIANCE_KIND_LABELS[r.kind]}: ${r.label}` : COMPLIANCE_KIND_LABELS[r.kind];
}

/** An item's title: its kind as its name says it ("Flu vaccination: Influenza" even when filed as an immunization). */
export function itemTitle(item: Pick<ComplianceItem, 'kind' | 'label'>): string {
  return requirementLabel({ kind: inferComplianceKind(item.kind, item.label), label: item.label });
}

/**
 * An item meets a requirement of its kind: "Influenza 2026-27" meets a flu-vaccination requirement
 * whatever either is called. Only for the generic kinds (an immunization record, an other item) does
 * a labelled requirement also need the same label.
 */
export function meets(item: Pick<ComplianceItem, 'kind' | 'label'>, r: Requirement): boolean {
  // A generic item or requirement whose name says its kind ("Influenza" filed as an immunization)
  // counts as that kind, so nothing shows as a false "Missing".
  const itemKind = inferComplianceKind(item.kind, item.label);
  const reqKind = inferComplianceKind(r.kind, r.label);
  if (itemKind !== reqKind) return false;
  if (!LABEL_MATCHED_KINDS.includes(reqKind)) return true;
  const want = r.label.trim().toLowerCase();
  return want === '' || item.label.trim().toLowerCase() === want;
}

/** A document the user linked to a requirement by hand (per requirement kind + label, every site). */
export interface ComplianceLink {
  kind: Requirement['kind'];
  label: string;
  itemId: number;
}

export function linkFor(links: readonly ComplianceLink[], r: Requirement): ComplianceLink | undefined {
  const label = r.label.trim().toLowerCase();
  return links.find((l) => l.kind === r.kind && l.label.trim().toLowerCase() === label);
}

/** Of the items that meet a requirement, the one that lasts longest (no expiry beats any date). */
export function bestItem<T extends Pick<ComplianceItem, 'kind' | 'label' | 'expiresOn'>>(items: readonly T[], r: Requirement): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (!meets(item, r)) continue;
    if (!best) best = item;
    else if (best.expiresOn !== null && (item.expiresOn === null || item.expiresOn > best.expiresOn)) best = item;
  }
  return best;
}

export interface MatrixCell {
  requirement: Requirement;
  state: CellState;
  itemId: number | null;
  /** The matched item's title, e.g. "Flu vaccination: Influenza 2026-27". */
  itemTitle: string | null;
  /** 'link': the user linked the document by hand; 'kind': matched by kind (and label where that matters). */
  matchedBy: 'link' | 'kind' | null;
  expiresOn: string | null;
  /** Days until expiry (negative when expired); null without an item or an expiry. */
  daysLeft: number | null;
}

export interface MatrixRow {
  siteId: number;
  siteName: string;
  cells: MatrixCell[];
  /** Requirements with nothing held or an expired item. */
  gaps: number;
  /** Requirements met by an item that expires within EXPIRY_WARN_DAYS. */
  expiring: number;
}

/** One row per site that is still pursued and demands something. */
export function complianceMatrix(
  sites: readonly Pick<SiteRecord, 'id' | 'name' | 'status' | 'requirements'>[],
  items: readonly Pick<ComplianceItem, 'id' | 'kind' | 'label' | 'expiresOn'>[],
  today: string,
  links: readonly ComplianceLink[] = [],
): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const site of sites) {
    if (!isOpenOutreach(site.status) || site.requirements.length === 0) continue;
    let gaps = 0;
    let expiring = 0;
    const cells = site.requirements.map((requirement): MatrixCell => {
      // A link by hand wins over matching by kind.
      const link = linkFor(links, requirement);
      const linked = link ? items.find((i) => i.id === link.itemId) : undefined;
      const item = linked ?? bestItem(items, requirement);
      if (!item) {
        gaps++;
        return { requirement, state: 'missing', itemId: null, itemTitle: null, matchedBy: null, expiresOn: null, daysLeft: null };
      }
      const state = freshness(item.expiresOn, today);
      if (state === 'expired') gaps++;
      if (state === 'expiring-30' || state === 'expiring-60') expiring++;
      return {
        requirement,
        state,
        itemId: item.id,
        itemTitle: itemTitle(item),
        matchedBy: linked ? 'link' : 'kind',
        expiresOn: item.expiresOn,
        daysLeft: item.expiresOn ? daysBetween(today, item.expiresOn) : null,
      };
    });
    rows.push({ siteId: site.id, siteName: site.name, cells, gaps, expiring });
  }
  return rows;
}

export interface ExpiryReminder {
  itemId: number;
  title: string;
  expiresOn: string;
  daysLeft: number;
  state: 'expired' | 'expiring-30' | 'expiring-60';
}

/** Items expired or expiring within EXPIRY_WARN_DAYS, soonest first. */
export function expiryReminders(
  items: readonly Pick<ComplianceItem, 'id' | 'kind' | 'label' | 'expiresOn'>[],
  today: string,
): ExpiryReminder[] {
  const out: ExpiryReminder[] = [];
  for (const item of items) {
    if (!item.expiresOn) continue;
    const state = freshness(item.expiresOn, today);
    if (state !== 'expired' && state !== 'expiring-30' && state !== 'expiring-60') continue;
    out.push({
      itemId: item.id,
      title: itemTitle(item),
      expiresOn: item.expiresOn,
      daysLeft: daysBetween(today, item.expiresOn),
      state,
    });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.itemId - b.itemId);
}
