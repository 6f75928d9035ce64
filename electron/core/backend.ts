// The backend as a plain library: open the data folder, get a dispatcher. Used by Electron's
// main process and by the preview server alike. Never imports 'electron'.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { bindLiveDatabase } from './backup/live';
import { exclusive, isDailyBackupDue, removeStalePartials, writeBackup, writeBackupNow } from './backup/write';
import type { Ctx } from './context';
import { openDatabase, type DB } from './db/open';
import { removeStaleExports } from './exports';
import { createDispatcher, type Dispatch } from './dispatch';
import { databasePath } from './paths';
import { checkDatabaseAtStartup, checkLiveFileLater, unwritableFolderFailure, type StartupReport } from './startup';

/** How long after opening a large file its quick_check waits: the first screen comes first. */
const DEFERRED_CHECK_DELAY_MS = 1500;

export interface BackendOptions {
  dataDir: string;
  host: Ctx['host'];
  appVersion: string;
  now?: () => Date;
}

export interface Backend {
  /** The live connection; a restore replaces it, so read it when needed rather than keeping it. */
  readonly db: DB;
  ctx: Ctx;
  dispatch: Dispatch;
  /** What start-up found: a new file, or a damaged one set aside (see startup.ts). */
  startup: StartupReport;
  /** Settles when start-up work in the background (daily backup, a large file's quick_check) is done. Never rejects. */
  ready: Promise<void>;
  /** Close, optionally replace the file, reopen (and migrate). Used by restore and JSON import. */
  reopen: (replace?: (file: string) => void) => void;
  close: () => void;
}

/** Before a migration: a verified snapshot of the file as the previous version left it. */
function backupBeforeMigration(file: string, dataDir: string, from: number, instant: Date): void {
  if (from === 0) return; // a brand-new file holds nothing to lose
  const conn = new Database(file, { fileMustExist: true });
  try {
    writeBackupNow(conn, dataDir, 'pre-migration', instant);
  } finally {
    conn.close();
  }
}

export function openBackend(options: BackendOptions): Backend {
  try {
    mkdirSync(options.dataDir, { recursive: true });
  } catch {
    throw unwritableFolderFailure(options.dataDir);
  }
  const now = options.now ?? (() => new Date());
  const file = databasePath(options.dataDir);
  const { report: startup, deferredCheck } = checkDatabaseAtStartup(file, options.dataDir, now());
  removeStalePartials(options.dataDir);
  removeStaleExports(options.dataDir);
  const open = () => openDatabase(file, { beforeMigrate: (from) => backupBeforeMigration(file, options.dataDir, from, now()) });
  const ctx: Ctx = {
    db: open(),
    dataDir: options.dataDir,
    databaseFile: file,
    host: options.host,
    appVersion: options.appVersion,
    now,
  };
  let backupProblem: string | null = null;
  const backend: Backend = {
    get db() {
      return ctx.db;
    },
    ctx,
    dispatch: createDispatcher(() => ctx),
    startup,
    ready: Promise.resolve(),
    reopen: (replace) => {
      if (ctx.db.open) ctx.db.close();
      replace?.(file);
      ctx.db = open();
    },
    close: () => {
      if (ctx.db.open) ctx.db.close();
    },
  };
  bindLiveDatabase(ctx, { reopen: backend.reopen, backupProblem: () => backupProblem, startup });
  const work: Array<Promise<void>> = [];
  if (!startup.created && isDailyBackupDue(options.dataDir, now())) {
    work.push(exclusive(options.dataDir, async () => {
      try {
        await writeBackup(ctx.db, options.dataDir, 'daily', now());
        backupProblem = null;
      } catch (err) {
        // Closed during the backup (tests, quitting) is not a problem worth reporting.
        if (ctx.db.open) backupProblem = `The daily backup failed: ${err instanceof Error ? err.message : String(err)}`;
      }
    }));
  }
  if (deferredCheck) {
    // A large file's quick_check, once the first screen has been served (see startup.ts).
    const check = new Promise((resolve) => setTimeout(resolve, DEFERRED_CHECK_DELAY_MS)).then(() =>
      exclusive(options.dataDir, () => {
        if (!ctx.db.open) return;
        try {
          const problem = checkLiveFileLater(file, options.dataDir);
          if (problem) backupProblem = problem;
        } catch {
          // Busy (another program holds the file) is not damage; the next start checks again.
        }
      }),
    );
    work.push(check);
  }
  backend.ready = Promise.all(work).then(() => undefined);
  return backend;
}
