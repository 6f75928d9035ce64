// A realistic, deterministic log for the Progress dashboard: a CT track on the example catalog
// ("Example — not ARRT requirements"), four sites, a few early entries from winter 2024-25 and
// 282 entries from January to November 2026 on two rotation days a week (Tue, Sat), at most four a
// day (under CT's cap of 9). Used by the service tests, the E2E spec and the screenshot script.
//
// With today = 2026-11-24 the example catalog gives (hand-computed, see progress.spec.ts):
//   Head 26/26, Neck and Spine 7/15, Chest 14/18, Abdomen and Pelvis 15/20, Musculoskeletal 3/3;
//   overall 100 required (the catalog's total), 17 to go (83%); missing, hardest first:
//   Renal Stone 5 (no site), Soft Tissue Neck 5 (Lakeside offers it), CTA Chest (PE) 4 (Mercy),
//   Cervical Spine 3 (Valley logged it, Northside offers it).
import { addIsoDays, isoWeekday } from '../../shared/planning/schedule';

export type SeedDispatch = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;

export const SEED_TODAY = '2026-11-24';

/** Procedure name -> [how many in 2026, site]. Names are the example catalog's. */
const MAIN: Array<[string, number, string]> = [
  ['Routine Head', 90, 'Mercy General'],
  ['Abdomen/Pelvis with Contrast', 100, 'Mercy General'],
  ['Routine Chest', 50, 'Valley Imaging'],
  ['Sinuses', 20, 'Valley Imaging'],
  ['Lumbar Spine', 6, 'Valley Imaging'],
  ['Temporal Bones', 4, 'Mercy General'],
  ['Orbits', 3, 'Mercy General'],
  ['HRCT Lungs', 3, 'Valley Imaging'],
  ['Upper Extremity', 3, 'Valley Imaging'],
  ['Cervical Spine', 2, 'Valley Imaging'],
  ['CTA Chest (PE)', 1, 'Mercy General'],
];

/** Early entries (Dec 2024 - Feb 2025) that leave the 24-month window in the coming months. */
const EARLY: Array<[string, string]> = [
  ['2024-12-03', 'Routine Head'],
  ['2024-12-03', 'Routine Chest'],
  ['2024-12-10', 'Routine Head'],
  ['2024-12-10', 'Routine Chest'],
  ['2024-12-17', 'Routine Head'],
  ['2024-12-17', 'Routine Head'],
  ['2025-01-07', 'Routine Chest'],
  ['2025-01-14', 'Routine Head'],
  ['2025-01-21', 'Routine Chest'],
  ['2025-01-28', 'Routine Head'],
  ['2025-02-04', 'Routine Head'],
  ['2025-02-11', 'Routine Chest'],
];

function rotationDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addIsoDays(d, 1)) {
    const w = isoWeekday(d);
    if (w === 2 || w === 6) days.push(d);
  }
  return days;
}

/** Interleaves the procedures so every day gets a mix (deterministic round robin by remaining share). */
function interleave(): Array<[string, string]> {
  const left = MAIN.map(([name, n, site]) => ({ name, n, site, total: n }));
  const out: Array<[string, string]> = [];
  for (;;) {
    const live = left.filter((l) => l.n > 0);
    if (live.length === 0) return out;
    live.sort((a, b) => b.n / b.total - a.n / a.total || a.name.localeCompare(b.name));
    const pick = live[0]!;
    out.push([pick.name, pick.site]);
    pick.n--;
  }
}

async function must(dispatch: SeedDispatch, channel: string, input: unknown): Promise<unknown> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value;
}

export async function seedProgressLog(dispatch: SeedDispatch): Promise<{ trackId: number }> {
  const sites: Array<{ name: string; kind: string; travelMinutes: number; status: string; offered: string[] }> = [
    { name: 'Mercy General', kind: 'hospital', travelMinutes: 25, status: 'active', offered: ['CTA Chest (PE)'] },
    { name: 'Valley Imaging', kind: 'imaging-center', travelMinutes: 40, status: 'active', offered: [] },
    { name: 'Lakeside Regional', kind: 'hospital', travelMinutes: 95, status: 'agreed', offered: ['Soft Tissue Neck'] },
    { name: 'Northside Clinic', kind: 'large-clinic', travelMinutes: 30, status: 'prospect', offered: ['Cervical Spine'] },
  ];
  for (const s of sites) {
    await must(dispatch, 'sites.create', {
      name: s.name,
      kind: s.kind,
      travelMinutes: s.travelMinutes,
      status: s.status,
      offered: s.offered.map((name) => ({ name })),
    });
  }
  const track = (await must(dispatch, 'tracks.create', { discipline: 'CT', startDate: '2024-12-02' })) as { id: number };
  await must(dispatch, 'catalogs.assign', { trackId: track.id, catalog: { key: 'example-ct-like' } });

  for (const [date, name] of EARLY) {
    await must(dispatch, 'entries.create', { trackId: track.id, performedOn: date, procedureName: name, siteName: 'Mercy General' });
  }
  const days = rotationDays('2026-01-10', '2026-11-21');
  const all = interleave();
  for (let i = 0; i < all.length; i++) {
    const [name, site] = all[i]!;
    const day = days[Math.floor((i * days.length) / all.length)]!;
    await must(dispatch, 'entries.create', { trackId: track.id, performedOn: day, procedureName: name, siteName: site });
  }
  return { trackId: track.id };
}
