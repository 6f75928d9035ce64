// Row-by-row dumps of every table, for tests that must prove data came back identical.
import Database from 'better-sqlite3';
import type { Backend } from '../../electron/core/backend';
import type { DB } from '../../electron/core/db/open';

export type Dump = Record<string, unknown[]>;

export function dumpDb(db: DB): Dump {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string; sql: string | null }>;
  // A virtual table's shadow tables (e.g. FTS5 segments) depend on how the index was built, not only
  // on what it holds; the virtual table's own rows are compared instead.
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const out: Dump = {};
  for (const { name } of tables.filter((t) => !virtual.some((v) => t.name.startsWith(`${v}_`)))) {
    // Ordered by every column: works for WITHOUT ROWID tables too, and is a total order.
    const n = (db.pragma(`table_info("${name}")`) as unknown[]).length;
    const order = Array.from({ length: n }, (_, i) => i + 1).join(', ');
    out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
  }
  return out;
}

export function dumpFile(file: string): Dump {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return dumpDb(db);
  } finally {
    db.close();
  }
}

/** One track and `n` entries through the service layer, as the app would write them. */
export async function seedLog(backend: Backend, n: number, start = '2026-01-05'): Promise<number> {
  const track = await backend.dispatch('tracks.create', { discipline: 'CT', startDate: start });
  if (!track.ok) throw new Error(track.error.message);
  const trackId = (track.value as { id: number }).id;
  const procedures = ['CT Head without contrast', 'CT Chest with contrast', 'CT Abdomen/Pelvis', 'CT Angiography Chest'];
  const sites = ['Mercy General', 'Valley Imaging', null];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(2 + Math.floor(i / 28) % 9).padStart(2, '0');
    const r = await backend.dispatch('entries.create', {
      trackId,
      performedOn: `2026-${month}-${day}`,
      performedAt: i % 3 === 0 ? `${String(8 + (i % 10)).padStart(2, '0')}:30` : null,
      procedureName: procedures[i % procedures.length],
      siteName: sites[i % sites.length],
      notes: i % 5 === 0 ? 'Routine protocol' : '',
      simulated: i % 7 === 0,
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  return trackId;
}
