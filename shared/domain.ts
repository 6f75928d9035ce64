// Domain records as the renderer sees them. Field names are camelCase; SQL columns are snake_case
// and mapped in the backend's table modules.
import type { DisciplineCode } from './disciplines';

export const ENTRY_STATUSES = ['draft', 'signed', 'entered', 'verified'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  draft: 'Draft',
  signed: 'Signed',
  entered: 'Entered in ARRT',
  verified: 'Verified in ARRT',
};

export interface Track {
  id: number;
  discipline: DisciplineCode;
  name: string;
  startDate: string;
  plannedApplicationDate: string | null;
  examWindowAssignedOn: string | null;
  /** The date whose window froze when the exam window was assigned (set by the backend); null while not assigned. */
  windowLockedOn: string | null;
  supportingCredential: string | null;
  mqsaQualifiedOn: string | null;
  catalogId: number | null;
  createdAt: string;
}

export interface Entry {
  id: number;
  /** Stable across computers (export/import, restore): signatures name entries by it. */
  uuid: string;
  trackId: number;
  performedOn: string;
  performedAt: string | null;
  procedureId: string | null;
  procedureName: string;
  siteId: number | null;
  siteName: string | null;
  verifierId: number | null;
  /** The verifier as the user typed it in the quick log (remembered for the next entry). */
  verifierName: string | null;
  /** Anonymous marker: entries of one patient on one day share it. Never a patient identifier. */
  patientMarker: number | null;
  simulated: boolean;
  notes: string;
  status: EntryStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Site {
  id: number;
  name: string;
}
