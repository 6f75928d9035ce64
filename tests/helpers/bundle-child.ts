// Bundles a TypeScript child-process script into one ESM file so each spawn starts in ~0.3 s
// instead of ~1.5 s (loading date-fns, zod... file by file). better-sqlite3 stays external: the
// child uses the same native module as the app, resolved from node_modules.
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach } from 'vitest';

export async function bundleChild(entry: string, name: string): Promise<string> {
  const outfile = path.resolve('node_modules/.cache/radledger-tests', `${name}.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __rlCreateRequire } from 'node:module'; const require = __rlCreateRequire(import.meta.url);" },
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * A copy of what a bundled child needs to run as another user ("nobody"), in a fresh temp folder
 * every user can read: the Node binary running the tests, the bundle, and better-sqlite3 (its
 * JavaScript and native addon). The checkout itself may sit under a private folder (a 0700
 * `mktemp -d`, a home directory) that such a user cannot enter. Removed after the test.
 */
export function worldReadableChild(bundle: string): { node: string; script: string; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-child-'));
  chmodSync(dir, 0o755);
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const node = path.join(dir, 'node');
  copyFileSync(process.execPath, node);
  chmodSync(node, 0o755);
  const script = path.join(dir, path.basename(bundle));
  copyFileSync(bundle, script);
  const sqlite = path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  // Its sources and the bundled SQLite amalgamation are not needed at run time.
  cpSync(sqlite, path.join(dir, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    dereference: true,
    filter: (src) => !/[/\\](deps|src)$/.test(src),
  });
  for (const d of [path.join(dir, 'node_modules'), path.join(dir, 'node_modules', 'better-sqlite3')]) chmodSync(d, 0o755);
  return { node, script, dir };
}
