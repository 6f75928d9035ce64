// Child process for the read-only folder test: runs as a user who may not write the data folder,
// tries to open the backend and to save an entry, and prints what happened as JSON.
import { openBackend } from '../../../../../electron/core/backend';
import { AppFailure } from '../../../../../shared/result';

try {
  const backend = openBackend({ dataDir: process.argv[2]!, host: 'preview', appVersion: 't', now: () => new Date('2026-11-24T12:00:00Z') });
  const r = await backend.dispatch('entries.create', { trackId: 1, performedOn: '2026-03-02', procedureName: 'CT Head' });
  console.log(JSON.stringify({ stage: 'write', result: r }));
  backend.close();
} catch (err) {
  console.log(JSON.stringify({ stage: 'open', kind: err instanceof AppFailure ? err.kind : 'thrown', message: (err as Error).message }));
}
