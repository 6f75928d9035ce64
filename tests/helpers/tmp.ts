import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temp dir, removed after the test. */
export function tempDir(prefix = 'radledger-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fixed clock: tests never depend on today's date. */
export function fixedClock(iso: string): () => Date {
  return () => new Date(iso);
}
