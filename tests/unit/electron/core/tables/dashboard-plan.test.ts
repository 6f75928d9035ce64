// The dashboard's SQL aggregates at 100,000 entries read the partial live-row index of migration 006
// that starts with track_id: from the index alone (covering), no table scan, no temporary b-tree for
// the GROUP BYs. (The engine's own read of every live entry of a track is left to SQLite: when the
// track holds most of the log, as here, a plain scan is the cheaper plan; entries per day are counted
// from those rows.) Timing is the bench's job (bench/dashboard.ts); this pins the plans.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../../../electron/core/db/open';
import { SITE_DAYS_SQL, SITE_PROCEDURE_SQL } from '../../../../../electron/core/tables/dashboard';
import { seedLog } from '../../../../helpers/seed-log';
import { tempDir } from '../../../../helpers/tmp';

let db: DB;
let dir: string;

beforeAll(() => {
  dir = tempDir();
});

function plan(sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
}

describe('dashboard aggregates at 100,000 entries', () => {
  beforeAll(() => {
    db = openDatabase(path.join(dir, 'radledger.sqlite'));
    seedLog(db, 100_000);
  });
  afterAll(() => db.close());

  it('counts per site and procedure, and days per site, from the covering index of migration 006', () => {
    for (const sql of [SITE_PROCEDURE_SQL, SITE_DAYS_SQL]) {
      const p = plan(sql);
      expect(p).toMatch(/USING COVERING INDEX entries_track_site_procedure/);
      expect(p).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
    }
  });
});
