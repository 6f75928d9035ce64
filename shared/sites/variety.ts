// Site variety: per site, what was actually performed there (from the log) and what it says it
// offers, set against what the track still needs, so the user sees which site can close which gap.
import type { OfferedProcedure } from './types';

export interface PerformedCount {
  siteId: number;
  /** Catalog id when the entry has one; the grouping key falls back to the name. */
  procedureId: string | null;
  procedureName: string;
  count: number;
}

/** A procedure the track still needs (from the requirement engine). */
export interface Need {
  procedureId: string | null;
  name: string;
  /** Repetitions still needed; null when the catalog does not confirm the number. */
  remaining: number | null;
}

export interface VarietyLine {
  name: string;
  procedureId: string | null;
  performed: number;
  offered: boolean;
  /** Whether the track still needs it; null when requirement progress is not available. */
  needed: boolean | null;
  /** How many more the track needs; null when not needed, not known or not available. */
  stillNeeded: number | null;
}

export interface SiteVariety {
  siteId: number;
  siteName: string;
  lines: VarietyLine[];
  totalPerformed: number;
  /** Needed procedures this site has supplied or says it offers (null without requirement progress). */
  canClose: number | null;
}

const nameKey = (name: string) => name.trim().toLowerCase();
const key = (procedureId: string | null, name: string) => (procedureId ? `id:${procedureId}` : `name:${nameKey(name)}`);

export function siteVariety(
  sites: ReadonlyArray<{ id: number; name: string; offered: readonly OfferedProcedure[] }>,
  performed: readonly PerformedCount[],
  needs: readonly Need[] | null,
): SiteVariety[] {
  const needById = new Map<string, Need>();
  const needByName = new Map<string, Need>();
  for (const n of needs ?? []) {
    if (n.procedureId) needById.set(n.procedureId, n);
    needByName.set(nameKey(n.name), n);
  }
  // An entry or an offer typed by name still meets the catalog procedure of that name.
  const needFor = (line: VarietyLine) => (line.procedureId ? needById.get(line.procedureId) : undefined) ?? needByName.get(nameKey(line.name));

  return sites.map((site) => {
    const lines = new Map<string, VarietyLine>();
    for (const p of performed) {
      if (p.siteId !== site.id) continue;
      const k = key(p.procedureId, p.procedureName);
      const line = lines.get(k);
      if (line) line.performed += p.count;
      else lines.set(k, { name: p.procedureName, procedureId: p.procedureId, performed: p.count, offered: false, needed: null, stillNeeded: null });
    }
    for (const o of site.offered) {
      const existing = [...lines.values()].find((l) => (o.procedureId && l.procedureId === o.procedureId) || nameKey(l.name) === nameKey(o.name));
      if (existing) existing.offered = true;
      else lines.set(key(o.procedureId, o.name), { name: o.name, procedureId: o.procedureId, performed: 0, offered: true, needed: null, stillNeeded: null });
    }
    let canClose: number | null = needs ? 0 : null;
    for (const line of lines.values()) {
      if (!needs) continue;
      const need = needFor(line);
      line.needed = Boolean(need) && (need!.remaining === null || need!.remaining > 0);
      line.stillNeeded = line.needed ? need!.remaining : null;
      if (line.needed && canClose !== null) canClose++;
    }
    const sorted = [...lines.values()].sort((a, b) => b.performed - a.performed || a.name.localeCompare(b.name));
    return {
      siteId: site.id,
      siteName: site.name,
      lines: sorted,
      totalPerformed: sorted.reduce((n, l) => n + l.performed, 0),
      canClose,
    };
  });
}
