// Starts bench/lib/child.ts in a fresh Node process and parses its JSON line. The child is bundled
// once the way Electron's main process is (bundle-child.mjs, with scripts/electron-bundle-options.mjs:
// CommonJS, every dependency inlined but the native/asset-bearing ones, the large libraries loaded on
// first use in vendor/ files beside it), so a sample pays what the app pays at start-up, not
// TypeScript compilation or module resolution, and its memory holds no tsx loader.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Inside node_modules so the bundle's external imports (better-sqlite3, pdfkit) resolve.
const BUNDLE = path.resolve(HERE, '../../node_modules/.cache/radledger-bench/child.cjs');
let built = false;

function bundle(): string {
  if (built) return BUNDLE;
  mkdirSync(path.dirname(BUNDLE), { recursive: true });
  execFileSync(process.execPath, [path.join(HERE, 'bundle-child.mjs'), BUNDLE], { stdio: ['ignore', 'inherit', 'inherit'] });
  built = true;
  return BUNDLE;
}

/** Runs `child <mode> <args>` (child.ts lists the modes and their arguments). */
export function runChild<T>(mode: 'cold' | 'rss' | 'backup' | 'engine', ...args: string[]): T {
  const out = execFileSync(process.execPath, ['--expose-gc', bundle(), mode, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  const line = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as T;
}
