import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../../../../electron/core/backup/retain';
import { tempDir } from '../../../../helpers/tmp';

describe('applyRetention', () => {
  it('deletes the backups the rule drops, keeps the newest pre-restore one, and never touches other files', () => {
    const dir = tempDir();
    const backups = path.join(dir, 'backups');
    mkdirSync(backups);
    // 40 daily backups 2026-01-01 .. 2026-02-09, plus an old pre-restore one and an unrelated file.
    for (let i = 0; i < 40; i++) {
      const day = new Date(Date.UTC(2026, 0, 1 + i, 3)).toISOString().replace(/[:.]/g, '-');
      writeFileSync(path.join(backups, `radledger-${day}-daily.sqlite`), '');
    }
    writeFileSync(path.join(backups, 'radledger-2026-01-03T10-00-00-000Z-pre-restore.sqlite'), '');
    writeFileSync(path.join(backups, 'radledger-2026-01-04T03-00-00-000Z-daily.sqlite.partial'), '');
    writeFileSync(path.join(backups, 'my notes.txt'), '');

    const removed = applyRetention(dir);
    expect(removed).toHaveLength(30);
    const left = readdirSync(backups).sort();
    expect(left).toHaveLength(13); // 10 kept by the rule + the pinned pre-restore + 2 foreign files
    expect(left).toContain('radledger-2026-01-03T10-00-00-000Z-pre-restore.sqlite');
    expect(left).toContain('my notes.txt');
    expect(left).toContain('radledger-2026-02-09T03-00-00-000Z-daily.sqlite');
    expect(left).not.toContain('radledger-2026-01-24T03-00-00-000Z-daily.sqlite');
  });
});
