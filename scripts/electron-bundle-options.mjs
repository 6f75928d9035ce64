// esbuild options of the Electron main-process bundle, shared by scripts/build-electron.mjs and the
// test that checks a CommonJS bundle still finds the PDF fonts (tests/unit/electron/core/pdf).
export const common = {
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
export const mainOnly = {
  define: { 'import.meta.url': '__radledgerImportMetaUrl' },
  banner: { js: "const __radledgerImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
