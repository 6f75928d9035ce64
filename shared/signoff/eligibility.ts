// Eligibility warnings for a verifier (or supervisor) put before a batch of entries. Only what
// docs/arrt-rules.md confirms is checked: the verifier works at or is affiliated with the facility, is an
// eligible professional (in most cases an R.T. or a physician), and is not the candidate. The exact
// credential rule per discipline is NOT known to RadLedger, so it is reported as unknown, never
// guessed. Warnings never block signing: the signer decides, RadLedger says what it sees.
import { disciplineByCode } from '../disciplines';
import type { SignatureKind } from './checklist';

export type WarningLevel = 'warn' | 'unknown';

export interface EligibilityWarning {
  code: 'site-not-linked' | 'entries-without-site' | 'no-credentials' | 'credentials-unrecognised' | 'self-verification' | 'credential-rule-unknown';
  level: WarningLevel;
  message: string;
}

export interface EligibilityPerson {
  name: string;
  credentials: string;
  arrtId: string | null;
  siteIds: readonly number[];
}

export interface EligibilityInput {
  kind: SignatureKind;
  discipline: string;
  signer: EligibilityPerson;
  candidate: { name: string; arrtId: string | null } | null;
  entries: ReadonlyArray<{ siteId: number | null; siteName: string | null }>;
}

// "R.T." in any spelling (RT, R.T.(R)(CT)(ARRT), RT(R)) or a physician's degree.
const RT = /\bR\.?\s?T\.?(?=\s|\(|,|$)/i;
const PHYSICIAN = /\b(M\.?\s?D|D\.?\s?O)\.?(?=\s|,|$)/i;

export function looksLikeRtOrPhysician(credentials: string): boolean {
  return RT.test(credentials) || PHYSICIAN.test(credentials);
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  return norm(a) !== '' && norm(a) === norm(b);
}

export function eligibilityWarnings(input: EligibilityInput): EligibilityWarning[] {
  const out: EligibilityWarning[] = [];
  const { signer, candidate, kind } = input;
  const role = kind === 'verifier' ? 'verifier' : 'clinical supervisor';

  if (
    candidate &&
    (sameName(signer.name, candidate.name) || (!!signer.arrtId && !!candidate.arrtId && signer.arrtId.trim() === candidate.arrtId.trim()))
  ) {
    out.push({
      code: 'self-verification',
      level: 'warn',
      message: `${signer.name} looks like the candidate. A candidate cannot act as ${role} of their own procedures.`,
    });
  }

  const outside = new Map<number, string>();
  let withoutSite = 0;
  for (const e of input.entries) {
    if (e.siteId === null) withoutSite++;
    else if (!signer.siteIds.includes(e.siteId)) outside.set(e.siteId, e.siteName ?? `site #${e.siteId}`);
  }
  if (outside.size > 0) {
    out.push({
      code: 'site-not-linked',
      level: 'warn',
      message: `${signer.name} is not linked to ${[...outside.values()].join(', ')}. ARRT requires the ${role} to work at the facility or be affiliated with it through an educational program.`,
    });
  }
  if (withoutSite > 0) {
    out.push({
      code: 'entries-without-site',
      level: 'warn',
      message: `${withoutSite} ${withoutSite === 1 ? 'entry has' : 'entries have'} no site, so RadLedger cannot check that the ${role} works there.`,
    });
  }

  if (kind === 'verifier') {
    const discipline = disciplineByCode(input.discipline)?.name ?? input.discipline;
    if (signer.credentials.trim() === '') {
      out.push({
        code: 'no-credentials',
        level: 'warn',
        message: `No credentials recorded for ${signer.name}. ARRT requires an eligible professional, in most cases an R.T. or a physician.`,
      });
    } else if (!looksLikeRtOrPhysician(signer.credentials)) {
      out.push({
        code: 'credentials-unrecognised',
        level: 'warn',
        message: `"${signer.credentials}" is neither an R.T. nor a physician's degree that RadLedger recognises; ARRT says verifiers are in most cases R.T.s or physicians.`,
      });
    }
    out.push({
      code: 'credential-rule-unknown',
      level: 'unknown',
      message: `RadLedger does not know ARRT's exact verifier credential rule for ${discipline}: it is in the discipline's clinical experience document. Check it there.`,
    });
  }
  return out;
}
