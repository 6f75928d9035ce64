import type { DB } from './db/open';

/** What every service receives. Side effects (time, paths) come in here so logic stays testable. */
export interface Ctx {
  db: DB;
  dataDir: string;
  databaseFile: string;
  host: 'electron' | 'preview';
  appVersion: string;
  /** The current instant; tests pass a fixed clock. */
  now: () => Date;
}
