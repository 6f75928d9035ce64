// Child process for the crash test: writes log entries through the service layer in a loop and
// prints "ack <id>" only after each commit returned. The parent SIGKILLs it at random moments.
import { openBackend } from '../../../../../electron/core/backend';

const dataDir = process.argv[2]!;
const backend = openBackend({ dataDir, host: 'preview', appVersion: 'crash-test', now: () => new Date('2026-11-24T12:00:00Z') });
process.stdout.write(`node ${process.versions.node}\n`);

let tracks = await backend.dispatch('tracks.list', undefined);
if (tracks.ok && (tracks.value as unknown[]).length === 0) {
  await backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  tracks = await backend.dispatch('tracks.list', undefined);
}
if (!tracks.ok) throw new Error(tracks.error.message);
const trackId = (tracks.value as Array<{ id: number }>)[0]!.id;
process.stdout.write('ready\n');

for (let i = 0; ; i++) {
  const r = await backend.dispatch('entries.create', {
    trackId,
    performedOn: `2026-0${1 + (i % 9)}-${String(10 + (i % 18))}`,
    procedureName: `CT procedure ${i}`,
    siteName: i % 2 ? 'Mercy General' : 'Valley Imaging',
    notes: 'x'.repeat(i % 300),
  });
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write(`ack ${(r.value as { id: number }).id}\n`);
}
