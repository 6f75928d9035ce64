// The backend as a plain library: open the data folder, get a dispatcher. Used by Electron's
// main process and by the preview server alike. Never imports 'electron'.
import { mkdirSync } from 'node:fs';
import type { Ctx } from './context';
import { openDatabase, type DB } from './db/open';
import { createDispatcher, type Dispatch } from './dispatch';
import { databasePath } from './paths';

export interface BackendOptions {
  dataDir: string;
  host: Ctx['host'];
  appVersion: string;
  now?: () => Date;
}

export interface Backend {
  db: DB;
  ctx: Ctx;
  dispatch: Dispatch;
  close: () => void;
}

export function openBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const file = databasePath(options.dataDir);
  const db = openDatabase(file);
  const ctx: Ctx = {
    db,
    dataDir: options.dataDir,
    databaseFile: file,
    host: options.host,
    appVersion: options.appVersion,
    now: options.now ?? (() => new Date()),
  };
  return {
    db,
    ctx,
    dispatch: createDispatcher(() => ctx),
    close: () => {
      if (db.open) db.close();
    },
  };
}
