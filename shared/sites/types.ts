// Clinical sites, outreach and the compliance wallet as the renderer sees them. SQL columns are
// snake_case and mapped in electron/core/tables/sites-*.ts and compliance.ts.
import type { DisciplineCode } from '../disciplines';

export const SITE_KINDS = ['hospital', 'imaging-center', 'large-clinic', 'other'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
export const SITE_KIND_LABELS: Record<SiteKind, string> = {
  hospital: 'Hospital',
  'imaging-center': 'Imaging center',
  'large-clinic': 'Large clinic',
  other: 'Other',
};

// ASRT's survey: 8.4% trained with a provider they did not work for, so "other provider" matters.
export const AFFILIATIONS = ['employer', 'educational-program', 'other-provider'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];
export const AFFILIATION_LABELS: Record<Affiliation, string> = {
  employer: 'My employer',
  'educational-program': 'Through an educational program',
  'other-provider': 'Another provider',
};

export const SITE_STATUSES = ['prospect', 'contacted', 'follow-up', 'agreed', 'active', 'ended', 'declined'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];
export const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  prospect: 'Prospect',
  contacted: 'Contacted',
  'follow-up': 'Follow-up',
  agreed: 'Agreed',
  active: 'Active',
  ended: 'Ended',
  declined: 'Declined',
};

export const CONTACT_CHANNELS = ['phone', 'email', 'in-person', 'letter', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  phone: 'Phone',
  email: 'Email',
  'in-person': 'In person',
  letter: 'Letter',
  other: 'Other',
};

export interface OfferedProcedure {
  name: string;
  /** A catalog procedure id when the user picked one; free text otherwise. */
  procedureId: string | null;
}

export interface SiteRecord {
  id: number;
  name: string;
  kind: SiteKind;
  location: string;
  travelMinutes: number | null;
  affiliation: Affiliation | null;
  modalities: DisciplineCode[];
  equipment: string;
  /** Cost paid for the clinical experience, in cents; 0 means none. */
  costCents: number;
  housing: string;
  notes: string;
  status: SiteStatus;
  declinedReason: string | null;
  offered: OfferedProcedure[];
  requirements: Requirement[];
  createdAt: string;
  updatedAt: string;
}

export interface SiteContact {
  id: number;
  siteId: number;
  contactedOn: string;
  person: string;
  role: string;
  channel: ContactChannel;
  outcome: string;
  nextFollowUpOn: string | null;
  followUpDoneOn: string | null;
  createdAt: string;
}

export const COMPLIANCE_KINDS = [
  'hipaa',
  'liability-insurance',
  'immunization',
  'bls-cpr',
  'background-check',
  'drug-screen',
  'custom',
  // Migration 011: the vaccinations and tests sites ask for by name.
  'flu-vaccination',
  'tb-test',
  'hepatitis-b',
  'mmr',
  'varicella',
  'tdap',
  'covid-19',
] as const;
export type ComplianceKind = (typeof COMPLIANCE_KINDS)[number];
export const COMPLIANCE_KIND_LABELS: Record<ComplianceKind, string> = {
  hipaa: 'HIPAA training',
  'liability-insurance': 'Liability insurance',
  immunization: 'Immunization record',
  'bls-cpr': 'BLS / CPR',
  'background-check': 'Background check',
  'drug-screen': 'Drug screen',
  custom: 'Other item',
  'flu-vaccination': 'Flu vaccination',
  'tb-test': 'TB test',
  'hepatitis-b': 'Hepatitis B',
  mmr: 'MMR',
  varicella: 'Varicella',
  tdap: 'Tdap',
  'covid-19': 'COVID-19 vaccination',
};
/** Kinds that need a label to say which one (which custom item). */
export const LABELLED_KINDS: readonly ComplianceKind[] = ['custom'];
/** Kinds where a labelled requirement also needs the same label (which vaccine, which custom item); other kinds match by kind. */
export const LABEL_MATCHED_KINDS: readonly ComplianceKind[] = ['immunization', 'custom'];
/** The order kinds are offered in: the common specific ones first, the generic ones last. */
export const COMPLIANCE_KIND_ORDER: readonly ComplianceKind[] = [
  'flu-vaccination',
  'tb-test',
  'hepatitis-b',
  'mmr',
  'varicella',
  'tdap',
  'covid-19',
  'immunization',
  'bls-cpr',
  'hipaa',
  'background-check',
  'drug-screen',
  'liability-insurance',
  'custom',
];

// The categories of ASRT's survey of post-primary candidates.
export const HIPAA_SOURCES = ['employer', 'clinical-facility', 'educational-program', 'online', 'other'] as const;
export type HipaaSource = (typeof HIPAA_SOURCES)[number];
export const HIPAA_SOURCE_LABELS: Record<HipaaSource, string> = {
  employer: 'Employer',
  'clinical-facility': 'Clinical facility',
  'educational-program': 'Educational program',
  online: 'Online',
  other: 'Other',
};

export const INSURANCE_COVERAGES = ['employer', 'own-policy', 'educational-program'] as const;
export type InsuranceCoverage = (typeof INSURANCE_COVERAGES)[number];
export const INSURANCE_COVERAGE_LABELS: Record<InsuranceCoverage, string> = {
  employer: 'Covered by my employer',
  'own-policy': 'My own policy',
  'educational-program': 'Through my educational program',
};

/** What a site demands: a kind, and for immunizations/custom items which one. */
export interface Requirement {
  kind: ComplianceKind;
  label: string;
}

export interface AttachmentMeta {
  id: number;
  originalName: string;
  mime: AttachmentMime;
  sizeBytes: number;
  sha256: string;
}

export const ATTACHMENT_MIMES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

export interface ComplianceItem {
  id: number;
  kind: ComplianceKind;
  label: string;
  issuedOn: string | null;
  expiresOn: string | null;
  hipaaSource: HipaaSource | null;
  insuranceCoverage: InsuranceCoverage | null;
  insurer: string;
  policyNumber: string;
  notes: string;
  attachment: AttachmentMeta | null;
  createdAt: string;
  updatedAt: string;
}
