// Bundles the main process and the preload into CommonJS files under dist/electron.
// A sandboxed preload cannot require() our modules, so it must be a single bundle.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  // dejavu-fonts-ttf: the PDF font files are read at run time from the package (electron/core/pdf/base.ts).
  external: ['electron', 'better-sqlite3', 'pdfkit', 'dejavu-fonts-ttf'],
};

// The backend finds package files (the PDF fonts) with createRequire(import.meta.url); a CommonJS
// bundle has no import.meta, so the main bundle defines it from its own file name. (Not the
// preload: a sandboxed preload cannot require 'node:url'.)
await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist/electron/main.cjs',
  define: { 'import.meta.url': '__radledgerImportMetaUrl' },
  banner: { js: "const __radledgerImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
