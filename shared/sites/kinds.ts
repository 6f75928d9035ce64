// What kind of compliance item a name describes, when that is clear ("Influenza 2026-27" is a flu
// vaccination, "TB test (QuantiFERON)" a TB test). Used by migration 011 to give existing wallet
// items and site requirements their kinds, and by the wallet form to suggest a kind as the user types.
//
// Exported API:
//   inferComplianceKind(kind, label): the specific kind, or `kind` unchanged when the name is not clear
import type { ComplianceKind } from './types';

const VACCINES: ReadonlyArray<[ComplianceKind, RegExp]> = [
  ['flu-vaccination', /\b(flu|influenza)\b/i],
  ['tb-test', /\b(tb|tuberculosis|quantiferon|qft|ppd|t-?spot|tst|igra)\b/i],
  ['hepatitis-b', /\b(hep(atitis)?[\s-]*b|hbv|hbsab)\b/i],
  ['mmr', /\b(mmr|measles|mumps|rubella)\b/i],
  ['varicella', /\b(varicella|chicken ?pox)\b/i],
  ['tdap', /\b(tdap|tetanus|pertussis)\b/i],
  ['covid-19', /\b(covid(-?19)?|sars-cov-2)\b/i],
];

const OTHERS: ReadonlyArray<[ComplianceKind, RegExp]> = [
  ['bls-cpr', /\b(bls|cpr|basic life support)\b/i],
  ['hipaa', /\bhipaa\b/i],
  ['background-check', /\bbackground (check|screen)/i],
  ['drug-screen', /\b(drug (screen|test)|tox(icology)? screen)/i],
  ['liability-insurance', /\b(liability|malpractice) insurance\b/i],
  ['immunization', /\b(immuni[sz]ation|vaccination|shot) record/i],
];

/**
 * Only the generic kinds ('immunization', 'custom') are refined, and only when exactly one specific
 * kind matches the name; everything else keeps its kind.
 */
export function inferComplianceKind(kind: ComplianceKind, label: string): ComplianceKind {
  if (kind !== 'immunization' && kind !== 'custom') return kind;
  const rules = kind === 'custom' ? [...VACCINES, ...OTHERS] : VACCINES;
  const hits = rules.filter(([, re]) => re.test(label)).map(([k]) => k);
  const unique = [...new Set(hits)];
  if (unique.length !== 1) return kind;
  // A custom "immunization record" becomes the record kind; a record stays itself otherwise.
  return unique[0] as ComplianceKind;
}
