// Applies the pure retention rule (shared/backup/retention.ts) to the backups folder.
import { rmSync } from 'node:fs';
import { planRetention } from '../../../shared/backup/retention';
import { backupFile, listBackups } from './files';

/**
 * Deletes backups the rule does not keep. The newest pre-restore and pre-import backups are
 * pinned: they are what "undo" restores, whatever day they were taken.
 */
export function applyRetention(dataDir: string): string[] {
  const all = listBackups(dataDir);
  const pinned = new Set<string>();
  for (const reason of ['pre-restore', 'pre-import'] as const) {
    const newest = all.find((b) => b.reason === reason);
    if (newest) pinned.add(newest.name);
  }
  const plan = planRetention(all, undefined, pinned);
  for (const name of plan.remove) rmSync(backupFile(dataDir, name), { force: true });
  return plan.remove;
}
