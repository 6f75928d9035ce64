// Sites, the outreach pipeline, the contact log, follow-ups due and site variety.
import { detectPhi, phiWarningMessage } from '../../../shared/phi';
import type { ContactPhiWarning } from '../../../shared/ipc/sites';
import { localIsoDate } from '../../../shared/dates';
import type { ParsedInputOf } from '../../../shared/ipc/contract';
import type { siteChannels, VarietyNeeds } from '../../../shared/ipc/sites';
import { AppFailure, type FieldIssue } from '../../../shared/result';
import { contactDateIssues } from '../../../shared/sites/dates';
import { dueFollowUps } from '../../../shared/sites/followups';
import { moveIssues } from '../../../shared/sites/pipeline';
import { siteImpactMessage } from '../../../shared/sites/signature-impact';
import type { SiteRecord } from '../../../shared/sites/types';
import { siteVariety, type Need } from '../../../shared/sites/variety';
import { appendAudit } from '../audit';
import type { Ctx } from '../context';
import { getContact, insertContact, listAllContacts, listContacts, markFollowUpDone } from '../tables/sites-contacts';
import {
  getSiteRecord,
  insertSiteRecord,
  listSiteRecords,
  setSiteStatus,
  siteNameTaken,
  updateSiteRecord,
  type SiteFields,
} from '../tables/sites-records';
import { performedBySite } from '../tables/sites-variety';
import { catalogHandlers } from './catalogs';
import { dryRun, NO_SIGNED_ENTRIES, probeSiteSignatures, requireVoidConfirmed, voidedSince } from './signature-impact';
import type { ChannelsOf, HandlerMap } from './types';

type SiteUpdateInput = ParsedInputOf<'sites.update'>;

function refuse(issues: FieldIssue[]): never {
  throw new AppFailure('validation', issues.map((i) => i.message).join(' '), issues);
}

function assertNameFree(ctx: Ctx, name: string, exceptId: number | null): void {
  const other = siteNameTaken(ctx.db, name, exceptId);
  if (other) refuse([{ path: 'name', message: `A site named "${other.name}" already exists.` }]);
}

function requireSite(ctx: Ctx, id: number): SiteRecord {
  const site = getSiteRecord(ctx.db, id);
  if (!site) throw new AppFailure('not-found', 'That site no longer exists.');
  return site;
}

function fields(input: {
  name: string;
  kind: SiteFields['kind'];
  location: string;
  travelMinutes?: number | null | undefined;
  affiliation?: SiteFields['affiliation'] | undefined;
  modalities: SiteFields['modalities'];
  equipment: string;
  costCents: number;
  housing: string;
  notes: string;
  offered: Array<{ name: string; procedureId?: string | null | undefined }>;
  requirements: SiteFields['requirements'];
}): SiteFields {
  return {
    ...input,
    travelMinutes: input.travelMinutes ?? null,
    affiliation: input.affiliation ?? null,
    offered: input.offered.map((p) => ({ name: p.name, procedureId: p.procedureId ?? null })),
  };
}

/** What the track still needs per procedure, or why that cannot be said. */
async function trackNeeds(ctx: Ctx, trackId: number): Promise<{ state: VarietyNeeds; needs: Need[] | null }> {
  const report = await catalogHandlers['progress.evaluate'](ctx, { trackId, verdicts: 'none' });
  if (!report.evaluation) return { state: 'no-catalog', needs: null };
  if (report.evaluation.procedures.length === 0) return { state: 'catalog-empty', needs: null };
  const needs = report.evaluation.procedures
    .filter((p) => p.needed && !p.met)
    .map((p) => ({ procedureId: p.procedureId, name: p.name, remaining: p.remaining }));
  return { state: 'known', needs };
}

/** Patient identifiers in the contact log's short fields (the site's own contact data is not one). */
function contactPhiWarnings(input: { person: string; role: string; outcome: string }): ContactPhiWarning[] {
  return (['person', 'role', 'outcome'] as const).flatMap((field) => {
    const findings = detectPhi(input[field], 'site-contact');
    if (findings.length === 0) return [];
    return [{ kind: 'phi' as const, field, message: phiWarningMessage(findings), findings: findings.map((f) => ({ kind: f.kind, text: f.text })) }];
  });
}

/** The update itself, in the caller's transaction, with the signatures it voided. */
function updateSite(ctx: Ctx, input: SiteUpdateInput, now: string) {
  const before = requireSite(ctx, input.id);
  assertNameFree(ctx, input.name, input.id);
  // Of the site record only its name is in an entry's digest: the same stored name voids nothing.
  const probe = before.name === input.name ? NO_SIGNED_ENTRIES : probeSiteSignatures(ctx.db, input.id);
  updateSiteRecord(ctx.db, input.id, fields(input), now);
  return { before, site: getSiteRecord(ctx.db, input.id)!, impact: voidedSince(ctx.db, probe) };
}

export const siteHandlers: HandlerMap<ChannelsOf<typeof siteChannels>> = {
  'sites.list': (ctx) => listSiteRecords(ctx.db),

  'sites.create': (ctx, input) => {
    if (input.status === 'declined') refuse([{ path: 'status', message: 'Add the site first, then mark it declined with a reason.' }]);
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      assertNameFree(ctx, input.name, null);
      const id = insertSiteRecord(ctx.db, { ...fields(input), status: input.status }, now);
      const site = getSiteRecord(ctx.db, id)!;
      appendAudit(ctx.db, now, 'site', id, 'create', null, site);
      return site;
    })();
  },

  // A new stored name voids the signatures of the site's signed entries: asked first (./signature-impact.ts).
  'sites.update': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const { before, site, impact } = updateSite(ctx, input, now);
      requireVoidConfirmed(impact, input.voidSignatures, (i) => siteImpactMessage('rename', before.name, i), 'Rename anyway');
      appendAudit(ctx.db, now, 'site', input.id, 'update', before, site);
      return site;
    })();
  },

  'sites.updateImpact': (ctx, input) => dryRun(ctx.db, () => updateSite(ctx, input, ctx.now().toISOString()).impact),

  'sites.move': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const before = requireSite(ctx, input.id);
      const issues = moveIssues(before.status, input.to, input.reason);
      if (issues.length) refuse(issues);
      setSiteStatus(ctx.db, input.id, input.to, input.to === 'declined' ? input.reason!.trim() : null, now);
      const site = getSiteRecord(ctx.db, input.id)!;
      appendAudit(ctx.db, now, 'site', input.id, 'update', before, site);
      return site;
    })();
  },

  'sites.contacts': (ctx, input) => {
    requireSite(ctx, input.siteId);
    return listContacts(ctx.db, input.siteId);
  },

  /** Warns (never blocks), like log notes; with the site-contact profile: the contact's own phone is fine. */
  'sites.addContact': (ctx, input) => {
    const issues = contactDateIssues(input.contactedOn, input.nextFollowUpOn ?? null, localIsoDate(ctx.now()));
    if (issues.length) refuse(issues);
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      requireSite(ctx, input.siteId);
      const id = insertContact(ctx.db, { ...input, nextFollowUpOn: input.nextFollowUpOn ?? null }, now);
      const contact = getContact(ctx.db, id)!;
      appendAudit(ctx.db, now, 'site_contact', id, 'create', null, contact);
      return { ...contact, warnings: contactPhiWarnings(input) };
    })();
  },

  'sites.completeFollowUp': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const before = getContact(ctx.db, input.contactId);
      if (!before) throw new AppFailure('not-found', 'That contact no longer exists.');
      markFollowUpDone(ctx.db, input.contactId, localIsoDate(ctx.now()));
      const contact = getContact(ctx.db, input.contactId)!;
      appendAudit(ctx.db, now, 'site_contact', input.contactId, 'update', before, contact);
      return contact;
    })();
  },

  'sites.followUps': (ctx) => dueFollowUps(listSiteRecords(ctx.db), listAllContacts(ctx.db), localIsoDate(ctx.now())),

  // Needs come from the requirement engine for one track; across all tracks (or without a catalog)
  // the report says needs are unknown and the view shows performed and offered procedures only.
  'sites.variety': async (ctx, input) => {
    const { state, needs } = input.trackId === undefined ? { state: 'all-tracks' as const, needs: null } : await trackNeeds(ctx, input.trackId);
    return { sites: siteVariety(listSiteRecords(ctx.db), performedBySite(ctx.db, input.trackId), needs), needs: state };
  },
};
