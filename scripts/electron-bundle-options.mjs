// esbuild options of the Electron main-process bundle, shared by scripts/build-electron.mjs, the
// bench's child process (bench/lib/spawn.ts) and the test that checks a CommonJS bundle still finds
// the PDF fonts (tests/unit/electron/core/pdf).
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

/**
 * Large libraries the backend loads only on first use (reading a worksheet PDF or an .xlsx, reading
 * a returned review form): each is bundled into its own file beside the main bundle
 * (vendor/<name>.cjs), and the main bundle requires that file when the code first imports it.
 * Inlined, their 5.5 MB of source was parsed and kept in every session's memory (~23 MB of the
 * backend's resident memory at start, docs/decisions.md), whether or not it ever read a PDF.
 * Key: the import path as the source writes it; value: the file name under vendor/.
 */
export const LAZY_VENDOR = {
  'pdfjs-dist/legacy/build/pdf.mjs': 'pdfjs.cjs',
  'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdfjs-worker.cjs',
  exceljs: 'exceljs.cjs',
  'pdf-lib': 'pdf-lib.cjs',
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Plugin for the main bundle: an import of a LAZY_VENDOR path becomes a small module that requires
 * ./vendor/<file> (relative to the bundle) when it is first evaluated. esbuild evaluates a module
 * that only dynamic imports reach (or one reached only from such a module) on first use, so the
 * vendor file is read then, not at start.
 */
export const lazyVendor = {
  name: 'radledger-lazy-vendor',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(LAZY_VENDOR).map(escape).join('|')})$`);
    // Named by the vendor file (a .cjs name), so esbuild reads the stand-in as CommonJS.
    b.onResolve({ filter }, (args) => ({ path: LAZY_VENDOR[args.path], namespace: 'radledger-lazy-vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'radledger-lazy-vendor' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./vendor/${args.path}`)});`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/vendor\// }, (args) => (args.namespace === 'radledger-lazy-vendor' ? { path: args.path, external: true } : undefined));
  },
};

/** esbuild options of each vendor file, written to `<dir>/vendor/` beside a main bundle in `<dir>`. */
export function vendorBuilds(dir) {
  return Object.entries(LAZY_VENDOR).map(([from, file]) => ({
    ...common,
    ...mainOnly,
    stdin: { contents: `export * from ${JSON.stringify(from)};`, resolveDir: process.cwd(), loader: 'js' },
    outfile: `${dir}/vendor/${file}`,
  }));
}
