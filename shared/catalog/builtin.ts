// The catalogs shipped with RadLedger (resources/catalogs/*.json), parsed once with the schema.
//
// Exported API
//   BUILTIN_CATALOGS                 every shipped catalog, ARRT ones first, the example last
//   builtinCatalog(key)              one by key, or undefined
//   builtinCatalogsFor(discipline)   the versions of one discipline, newest effective date first
//   currentCatalogFor(discipline, startDate)  the version a track starting that day must use
// Version rules (canStartOn, validUntil, versionWarnings) live in ./versions and are re-exported.
import arrtBd from '../../resources/catalogs/arrt-bd.json' with { type: 'json' };
import arrtBs from '../../resources/catalogs/arrt-bs.json' with { type: 'json' };
import arrtCi201707 from '../../resources/catalogs/arrt-ci-2017-07.json' with { type: 'json' };
import arrtCt from '../../resources/catalogs/arrt-ct.json' with { type: 'json' };
import arrtM202007 from '../../resources/catalogs/arrt-m-2020-07.json' with { type: 'json' };
import arrtM202509 from '../../resources/catalogs/arrt-m-2025-09.json' with { type: 'json' };
import arrtMr from '../../resources/catalogs/arrt-mr.json' with { type: 'json' };
import arrtVi201707 from '../../resources/catalogs/arrt-vi-2017-07.json' with { type: 'json' };
import arrtVi202307 from '../../resources/catalogs/arrt-vi-2023-07.json' with { type: 'json' };
import arrtVs from '../../resources/catalogs/arrt-vs.json' with { type: 'json' };
import example from '../../resources/catalogs/example.json' with { type: 'json' };
import type { DisciplineCode } from '../disciplines';
import { catalogSchema, type Catalog } from './schema';
import { canStartOn } from './versions';

export { canStartOn, validUntil, versionWarnings } from './versions';

const RAW: readonly unknown[] = [
  arrtCt,
  arrtMr,
  arrtM202509,
  arrtM202007,
  arrtBd,
  arrtVi202307,
  arrtVi201707,
  arrtCi201707,
  arrtVs,
  arrtBs,
  example,
];

/** Parsed at load: a malformed shipped file is a bug and must fail loudly (catalogs.test.ts). */
export const BUILTIN_CATALOGS: readonly Catalog[] = RAW.map((raw) => catalogSchema.parse(raw));

export function builtinCatalog(key: string): Catalog | undefined {
  return BUILTIN_CATALOGS.find((c) => c.key === key);
}

/** ARRT versions of one discipline, newest first (unknown effective dates sort last). */
export function builtinCatalogsFor(discipline: DisciplineCode): Catalog[] {
  return BUILTIN_CATALOGS.filter((c) => c.kind === 'arrt' && c.discipline === discipline).sort((a, b) =>
    (b.effectiveDate?.value ?? '').localeCompare(a.effectiveDate?.value ?? ''),
  );
}

/**
 * The ARRT version for a track starting on `startDate`: the newest one already in effect that day
 * (a version with no known date counts as in effect), else the newest one open to new tracks.
 */
export function currentCatalogFor(discipline: DisciplineCode, startDate: string): Catalog | undefined {
  const open = builtinCatalogsFor(discipline).filter((c) => canStartOn(c, startDate).ok);
  return open.find((c) => (c.effectiveDate?.value ?? '') <= startDate) ?? open[0];
}
