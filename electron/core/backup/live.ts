// The handle services use to swap the live database (restore, JSON import). Services only receive
// a Ctx; openBackend binds the Ctx to its backend here, so a restore can close, replace and reopen
// the database whichever host (Electron or the preview server) runs the backend.
import type { DamagedFileReport } from '../../../shared/ipc/backups';
import type { Ctx } from '../context';

export interface LiveDatabase {
  /**
   * Closes the database, runs `replace(file)` (file moves while nothing has it open), reopens and
   * migrates it. Throws if the reopened file cannot be opened; the backend is then closed.
   */
  reopen: (replace?: (file: string) => void) => void;
  /** A daily backup that failed at start-up, in plain words, or null. */
  backupProblem: () => string | null;
  /** What start-up found; a successful restore clears `damaged`. */
  startup: { damaged: DamagedFileReport | null };
}

const live = new WeakMap<Ctx, LiveDatabase>();

export function bindLiveDatabase(ctx: Ctx, handle: LiveDatabase): void {
  live.set(ctx, handle);
}

export function liveDatabase(ctx: Ctx): LiveDatabase {
  const handle = live.get(ctx);
  if (!handle) throw new Error('This backend cannot swap its database (it was not opened with openBackend).');
  return handle;
}
