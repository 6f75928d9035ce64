// Seeds a backend for the sign-off and documents tests through the real channels.
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import type { EntrySignStates, SignoffPreview } from '../../../../../shared/ipc/signoff';

export const NOW = '2026-06-15T14:00:00.000Z';

export async function call<T>(b: Backend, channel: string, input?: unknown): Promise<T> {
  const r = await b.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.kind}: ${r.error.message}`);
  return r.value as T;
}

export interface Seeded {
  backend: Backend;
  trackId: number;
  siteId: number;
  otherSiteId: number;
  verifierId: number;
  entryIds: number[];
}

/** A CT track, two sites, a verifier at the first, and `n` entries at the first site in June 2026. */
export async function seed(n = 4): Promise<Seeded> {
  const backend = openBackend({ dataDir: tempDir('radledger-signoff-'), host: 'preview', appVersion: 'test', now: fixedClock(NOW) });
  const track = await call<{ id: number }>(backend, 'tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  const entryIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 10)).padStart(2, '0');
    const e = await call<{ id: number }>(backend, 'entries.create', {
      trackId: track.id,
      performedOn: `2026-06-${day}`,
      performedAt: `${String(8 + (i % 9)).padStart(2, '0')}:15`,
      procedureName: `CT Procedure ${String(i + 1).padStart(4, '0')}`,
      siteName: 'Mercy General',
      simulated: i % 5 === 4,
    });
    entryIds.push(e.id);
  }
  await call(backend, 'entries.create', { trackId: track.id, performedOn: '2026-06-02', procedureName: 'CT Elsewhere', siteName: 'County Clinic' });
  const options = await call<{ sites: Array<{ id: number; name: string }> }>(backend, 'signoff.options');
  const siteId = options.sites.find((s) => s.name === 'Mercy General')!.id;
  const otherSiteId = options.sites.find((s) => s.name === 'County Clinic')!.id;
  await call(backend, 'signoff.saveCandidate', { name: 'Jamie Rivera', arrtId: '123456' });
  const v = await call<{ id: number }>(backend, 'verifiers.save', { name: 'Dana Okafor', credentials: 'R.T.(R)(CT)(ARRT)', email: 'dana@mercy.org', siteIds: [siteId] });
  return { backend, trackId: track.id, siteId, otherSiteId, verifierId: v.id, entryIds };
}

/** A tiny valid PNG (1x1), as a drawn signature would arrive. */
export const PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Every checklist box ticked, as a verifier attests them. */
export const ATTESTED = { facility: true, 'date-time': true, equipment: true, present: true, quality: true };

/** Dana Okafor signs every entry of the site in one review, all accepted; the entries' ids. */
export async function signSite(x: Seeded, siteId: number): Promise<number[]> {
  const p = await call<SignoffPreview>(x.backend, 'signoff.preview', { batch: { trackId: x.trackId, siteId }, kind: 'verifier', verifierId: x.verifierId });
  await call(x.backend, 'review.submit', {
    batch: { trackId: x.trackId, siteId }, kind: 'verifier', verifierId: x.verifierId, digest: p.digest, signerName: 'Dana Okafor', method: 'typed', attested: ATTESTED,
    decisions: p.entries.map((e) => ({ entryId: e.id, decision: 'accept' })),
  });
  return p.entries.map((e) => e.id);
}

/** Each entry's signature state (signed, void, ...) by id. */
export async function signStates(x: Seeded): Promise<EntrySignStates['states']> {
  return (await call<EntrySignStates>(x.backend, 'signoff.entryStates', { trackId: x.trackId })).states;
}
