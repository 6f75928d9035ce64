import { copyFileSync, rmSync } from 'node:fs';
import { openDatabase } from '../electron/core/db/open';
const src = '/tmp/bk/program/radledger.sqlite';
const db = openDatabase(src);
const out = '/tmp/bk/copy.sqlite';
for (let r = 0; r < 3; r++) for (const mode of ['copy', 'backupapi', 'vacuum']) {
  rmSync(out, { force: true });
  const t0 = performance.now();
  if (mode === 'copy') { const cp = db.pragma('wal_checkpoint(TRUNCATE)'); copyFileSync(src, out); if (r === 0) console.log(cp); }
  else if (mode === 'vacuum') db.prepare('VACUUM INTO ?').run(out);
  else await db.backup(out, { progress: () => 4096 });
  console.log(mode, (performance.now() - t0).toFixed(0), 'ms');
}
db.close();
