// Starts bench/lib/child.ts in a fresh Node process (with tsx's loader) and parses its JSON line.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.ts');

export function runChild<T>(mode: 'cold' | 'rss', dataDir: string): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, mode, dataDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  const line = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as T;
}
