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

/** A procedure the track still needs `remaining` more of (from the requirement engine). */
export interface Need {
  procedureId: string | null;
  name: string;
  remaining: number;
}

export interface VarietyLine {
  name: string;
  procedureId: string | null;
  performed: number;
  offered: boolean;
  /** Still needed by the track; null when requirement progress is not available. */
  stillNeeded: number | null;
}

export interface SiteVariety {
  siteId: number;
  siteName: string;
  lines: VarietyLine[];
  totalPerformed: number;
  /** Needs this site has supplied or says it offers (null without requirement progress). */
  canClose: number | null;
}

function key(procedureId: string | null, name: string): string {
  return procedureId ? `id:${procedureId}` : `name:${name.trim().toLowerCase()}`;
}

export function siteVariety(
  sites: ReadonlyArray<{ id: number; name: string; offered: readonly OfferedProcedure[] }>,
  performed: readonly PerformedCount[],
  needs: readonly Need[] | null,
): SiteVariety[] {
  const needByKey = new Map<string, Need>();
  for (const n of needs ?? []) needByKey.set(key(n.procedureId, n.name), n);

  return sites.map((site) => {
    const lines = new Map<string, VarietyLine>();
    for (const p of performed) {
      if (p.siteId !== site.id) continue;
      const k = key(p.procedureId, p.procedureName);
      const line = lines.get(k);
      if (line) line.performed += p.count;
      else lines.set(k, { name: p.procedureName, procedureId: p.procedureId, performed: p.count, offered: false, stillNeeded: null });
    }
    for (const o of site.offered) {
      const k = key(o.procedureId, o.name);
      const line = lines.get(k);
      if (line) line.offered = true;
      else lines.set(k, { name: o.name, procedureId: o.procedureId, performed: 0, offered: true, stillNeeded: null });
    }
    let canClose: number | null = needs ? 0 : null;
    for (const [k, line] of lines) {
      const need = needByKey.get(k);
      if (needs) line.stillNeeded = need ? Math.max(0, need.remaining) : 0;
      if (canClose !== null && need && need.remaining > 0) canClose++;
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
