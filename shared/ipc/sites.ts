import { z } from 'zod';
import { DISCIPLINE_CODES } from '../disciplines';
import type { DueFollowUp } from '../sites/followups';
import type { SiteSignatureImpact } from '../sites/signature-impact';
import type { SiteVariety } from '../sites/variety';
import {
  AFFILIATIONS,
  COMPLIANCE_KINDS,
  CONTACT_CHANNELS,
  LABELLED_KINDS,
  SITE_KINDS,
  SITE_STATUSES,
  type SiteContact,
  type SiteRecord,
} from '../sites/types';
import { channel } from './define';
import { id, isoDate } from './tracks';

const text = (max: number, what: string) => z.string().trim().max(max, { message: `Keep ${what} under ${max} characters.`, abort: true });

export const requirementInput = z
  .strictObject({
    kind: z.enum(COMPLIANCE_KINDS),
    label: text(80, 'the label').default(''),
  })
  .refine((r) => !LABELLED_KINDS.includes(r.kind) || r.label !== '', {
    message: 'Name which one (e.g. "Hepatitis B").',
    path: ['label'],
  });

export const siteFieldsInput = z.strictObject({
  name: z.string().trim().min(1, 'Name the site.').max(120, { message: 'Keep the site name under 120 characters.', abort: true }),
  kind: z.enum(SITE_KINDS).default('hospital'),
  location: text(200, 'the address').default(''),
  travelMinutes: z
    .number({ message: 'Enter the travel time in whole minutes.' })
    .int('Enter the travel time in whole minutes.')
    .min(0, 'Travel time cannot be negative.')
    .max(24 * 60, 'Enter one-way travel time, at most 24 hours.')
    .nullish(),
  affiliation: z.enum(AFFILIATIONS).nullish(),
  modalities: z.array(z.enum(DISCIPLINE_CODES)).max(DISCIPLINE_CODES.length).default([]),
  equipment: text(500, 'the equipment list').default(''),
  costCents: z
    .number({ message: 'Enter the cost as an amount.' })
    .int()
    .min(0, 'The cost cannot be negative.')
    .max(100_000_00, 'That cost looks too large.')
    .default(0),
  housing: text(300, 'housing').default(''),
  notes: text(2000, 'notes').default(''),
  offered: z
    .array(z.strictObject({ name: text(200, 'the procedure name').min(1), procedureId: z.string().max(80, { abort: true }).nullish() }))
    .max(200)
    .default([]),
  requirements: z.array(requirementInput).max(50).default([]),
});

export const siteCreateInput = siteFieldsInput.extend({ status: z.enum(SITE_STATUSES).default('prospect') });
export type SiteCreateInput = z.input<typeof siteCreateInput>;
/**
 * A change of the stored name voids the signatures of the site's signed entries (a signature covers
 * the site by name): refused with 'conflict' unless `voidSignatures` is true. See sites.updateImpact.
 */
export const voidSignatures = z.boolean().optional();
export const siteUpdateInput = siteFieldsInput.extend({ id, voidSignatures });
export type SiteUpdateInput = z.input<typeof siteUpdateInput>;

export const siteMoveInput = z.strictObject({
  id,
  to: z.enum(SITE_STATUSES),
  reason: text(300, 'the reason').nullish(),
});

export const contactCreateInput = z.strictObject({
  siteId: id,
  contactedOn: isoDate,
  person: text(120, 'the name').default(''),
  role: text(120, 'the role').default(''),
  channel: z.enum(CONTACT_CHANNELS).default('phone'),
  outcome: text(1000, 'the outcome').default(''),
  nextFollowUpOn: isoDate.nullish(),
});
export type ContactCreateInput = z.input<typeof contactCreateInput>;

export const varietyInput = z.strictObject({ trackId: id.optional() }).default({});

/**
 * Whether "still needed" could be computed: 'known'; 'all-tracks' (needs belong to one track);
 * 'no-catalog' (no catalog for the track); 'catalog-empty' (its catalog lists no procedures yet).
 */
export const VARIETY_NEEDS = ['known', 'all-tracks', 'no-catalog', 'catalog-empty'] as const;
export type VarietyNeeds = (typeof VARIETY_NEEDS)[number];

export interface VarietyReport {
  sites: SiteVariety[];
  needs: VarietyNeeds;
}

/** A contact-log field that looks like it holds a patient identifier: saved anyway, as notes are. */
export type { SiteSignatureImpact } from '../sites/signature-impact';

export interface ContactPhiWarning {
  kind: 'phi';
  field: 'person' | 'role' | 'outcome';
  message: string;
  findings: Array<{ kind: string; text: string }>;
}
export type SavedContact = SiteContact & { warnings: ContactPhiWarning[] };

export const siteChannels = {
  'sites.list': channel<SiteRecord[]>()(z.undefined()),
  'sites.create': channel<SiteRecord>()(siteCreateInput),
  'sites.update': channel<SiteRecord>()(siteUpdateInput),
  /** Whose signatures this update would void, found without making it. */
  'sites.updateImpact': channel<SiteSignatureImpact>()(siteUpdateInput),
  'sites.move': channel<SiteRecord>()(siteMoveInput),
  'sites.contacts': channel<SiteContact[]>()(z.strictObject({ siteId: id })),
  'sites.addContact': channel<SavedContact>()(contactCreateInput),
  'sites.completeFollowUp': channel<SiteContact>()(z.strictObject({ contactId: id })),
  'sites.followUps': channel<DueFollowUp[]>()(z.undefined()),
  'sites.variety': channel<VarietyReport>()(varietyInput),
};
