import path from 'node:path';

export const DATABASE_FILE_NAME = 'radledger.sqlite';

/**
 * Where data lives: RADLEDGER_DATA_DIR when set (tests use a temp dir each), else the platform's
 * per-user app data folder that Electron reports as userData.
 */
export function resolveDataDir(env: Record<string, string | undefined>, userDataDir: string): string {
  const override = env.RADLEDGER_DATA_DIR?.trim();
  return override ? path.resolve(override) : userDataDir;
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}
