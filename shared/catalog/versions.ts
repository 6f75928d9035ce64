// Requirement-version rules (docs/arrt-rules.md, "Requirement versions", confirmed):
// - nobody may start a worksheet on a version on or after its successor's effective date;
// - a track on the older version stays valid until that version expires (24 months after the
//   newest version's effective date) and the app warns ahead of that date.
//
// Exported API
//   canStartOn(catalog, startDate) -> { ok: true } | { ok: false, message }
//   validUntil(catalog)            -> the date the version stops being accepted (exclusive), or null
//   versionWarnings(catalog, today)-> VersionWarning[] (expired, or expiring within 180/90/30 days)
//   derivedText(derivation)        -> 'derived: 24 months after 2025-09-01' (a date ARRT does not print)
import { daysBetween } from '../engine/calendar';
import type { Catalog, Derivation } from './schema';

export type StartCheck = { ok: true } | { ok: false; message: string };

export function canStartOn(catalog: Catalog, startDate: string): StartCheck {
  const successor = catalog.supersededBy;
  if (successor && startDate >= successor.effectiveDate.value) {
    return {
      ok: false,
      message:
        `A track starting on ${startDate} cannot use the ${catalog.versionLabel} version: the newer version ` +
        `took effect on ${successor.effectiveDate.value}, and ARRT lets nobody start on the older one after that date.`,
    };
  }
  const until = validUntil(catalog);
  if (until && startDate >= until) {
    return { ok: false, message: `The ${catalog.versionLabel} version expired on ${until}.` };
  }
  return { ok: true };
}

/** The first date on which the version is no longer accepted; null when no expiry is known. */
export function validUntil(catalog: Catalog): string | null {
  return catalog.expiresOn?.value ?? null;
}

export interface VersionWarning {
  kind: 'version-expired' | 'version-expiring';
  expiresOn: string;
  daysLeft: number;
  /** How the end date was worked out when ARRT does not print it ('derived: 24 months after …'). */
  derived: string | null;
  message: string;
}

/** A derived figure in words, short enough for a list line. */
export function derivedText(d: Derivation): string {
  const months = /(?<!\d)(\d{1,4}) months after/.exec(d.rule)?.[1];
  return months ? `derived: ${months} months after ${d.from}` : `derived from ${d.from} (${d.rule})`;
}

/** Warning horizons, widest first: a track needs months of notice to finish or switch versions. */
const HORIZONS = [30, 90, 180] as const;

export function versionWarnings(catalog: Catalog, today: string): VersionWarning[] {
  const until = validUntil(catalog);
  if (!until) return [];
  const daysLeft = daysBetween(today, until);
  const derived = catalog.expiresOn?.derived ? derivedText(catalog.expiresOn.derived) : null;
  const how = derived ? ` (${derived})` : '';
  if (daysLeft <= 0) {
    return [
      {
        kind: 'version-expired',
        expiresOn: until,
        daysLeft,
        derived,
        message: `The ${catalog.versionLabel} requirements expired on ${until}${how}: ARRT no longer accepts this version. Switching versions means starting a new worksheet; ARRT transfers no procedures.`,
      },
    ];
  }
  const horizon = HORIZONS.find((h) => daysLeft <= h);
  if (horizon === undefined) return [];
  return [
    {
      kind: 'version-expiring',
      expiresOn: until,
      daysLeft,
      derived,
      message: `The ${catalog.versionLabel} requirements expire on ${until}${how}, ${daysLeft} days left: apply before then or switch to the current version.`,
    },
  ];
}
