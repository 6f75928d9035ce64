// Starts bench/lib/child.ts in a fresh Node process and parses its JSON line. The child is bundled
// once with esbuild (as Electron's main process is, scripts/build-electron.mjs), so a sample pays
// what the app pays at start-up, not TypeScript compilation, and its memory holds no tsx loader.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Inside node_modules so the bundle's bare imports (better-sqlite3, pdfkit, zod...) resolve.
const BUNDLE = path.resolve(HERE, '../../node_modules/.cache/radledger-bench/child.mjs');
let built = false;

function bundle(): string {
  if (built) return BUNDLE;
  mkdirSync(path.dirname(BUNDLE), { recursive: true });
  buildSync({
    entryPoints: [path.join(HERE, 'child.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  built = true;
  return BUNDLE;
}

export function runChild<T>(mode: 'cold' | 'rss', dataDir: string): T {
  const out = execFileSync(process.execPath, [bundle(), mode, dataDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  const line = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as T;
}
