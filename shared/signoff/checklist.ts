// ARRT's verifier checklist and the supervisor's final approval, as the items a signer attests.
// The wording follows ARRT's public verifier and supervisor pages (docs/arrt-rules.md,
// "Verifiers and supervisors", confirmed); a signature stores the exact text it attested so a
// later change of wording never alters what was signed.

export type SignatureKind = 'verifier' | 'supervisor';

export interface ChecklistItem {
  id: string;
  /** Short label for the PDF table and the session's headings. */
  label: string;
  /** The statement the signer confirms. */
  text: string;
}

export const VERIFIER_CHECKLIST: readonly ChecklistItem[] = [
  {
    id: 'facility',
    label: 'Facility',
    text: 'Each procedure was performed on site at this facility, where I work or with which I am affiliated through an educational program.',
  },
  {
    id: 'date-time',
    label: 'Date and time',
    text: 'The candidate was employed at or authorized for this facility on these dates and was working on the day and at the time of each procedure.',
  },
  {
    id: 'equipment',
    label: 'Equipment',
    text: 'The facility has the equipment each procedure requires.',
  },
  {
    id: 'present',
    label: 'Candidate physically present',
    text: 'The candidate was physically present and performed each procedure (remote scanning is not accepted).',
  },
  {
    id: 'quality',
    label: 'Diagnostic quality and protocol',
    text: "Each procedure was of diagnostic quality and followed the facility's protocol.",
  },
];

export const SUPERVISOR_CHECKLIST: readonly ChecklistItem[] = [
  {
    id: 'reviewed',
    label: 'Documentation reviewed',
    text: 'I reviewed this documentation and its verification as clinical supervisor at this facility.',
  },
  {
    id: 'approved',
    label: 'Final approval',
    text: 'I give final approval of this documentation.',
  },
];

/** Shown beside the checklist: what ARRT says a verifier need not do, and the liability. */
export const VERIFIER_NOTES: readonly string[] = [
  'You need not have watched each procedure yourself.',
  'A false confirmation can lead to an ARRT ethics investigation of the verifier and the candidate.',
];

/**
 * What the candidate attests on the verification packet, above their own signature line. RadLedger's
 * wording (not ARRT's): the candidate vouches for the log before a verifier is asked to confirm it.
 */
export const CANDIDATE_ATTESTATION =
  'I attest that I personally performed each procedure listed in this log on the date, at the time and at the site shown; ' +
  'that entries marked as simulated were simulated; and that the information in this log is accurate to the best of my knowledge.';

export const CHECKLIST_SOURCE = 'https://arrt.org/pages/partners/clinical-experience-verifiers';

export function checklistFor(kind: SignatureKind): readonly ChecklistItem[] {
  switch (kind) {
    case 'verifier':
      return VERIFIER_CHECKLIST;
    case 'supervisor':
      return SUPERVISOR_CHECKLIST;
  }
}

export interface AttestedItem extends ChecklistItem {
  attested: boolean;
}

/** Ids of checklist items not attested; a signature needs every item. */
export function missingAttestations(kind: SignatureKind, attested: Readonly<Record<string, boolean>>): ChecklistItem[] {
  return checklistFor(kind).filter((item) => attested[item.id] !== true);
}
