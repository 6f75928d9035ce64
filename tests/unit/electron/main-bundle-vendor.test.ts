// The Electron main bundle keeps pdfjs, exceljs and pdf-lib in vendor/ files beside it, required on
// first use (scripts/electron-bundle-options.mjs, LAZY_VENDOR). Built exactly like
// dist/electron/main.cjs, a bundle must start without reading any vendor file, and then read an
// .xlsx, a PDF's text and a PDF's form through them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createDoc, finish, FONT } from '../../../electron/core/pdf/base';

const OUT = path.resolve('node_modules/.cache/radledger-tests/vendor-bundle');

describe('the main bundle and its vendor files', () => {
  it('starts without the large libraries, then loads each from vendor/ when first used', async () => {
    const options = pathToFileURL(path.resolve('scripts/electron-bundle-options.mjs')).href;
    const { common, mainOnly, lazyVendor, vendorBuilds, LAZY_VENDOR } = (await import(options)) as {
      common: BuildOptions;
      mainOnly: BuildOptions;
      lazyVendor: Plugin;
      vendorBuilds: (dir: string) => BuildOptions[];
      LAZY_VENDOR: Record<string, string>;
    };
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Log').addRows([['Date', 'Procedure'], ['2026-03-02', 'CT Head']]);
    writeFileSync(path.join(OUT, 'log.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const doc = createDoc({ title: 't', subject: 's', createdAt: new Date('2026-01-01T00:00:00Z') });
    doc.font(FONT.regular).text('Routine Head 3 of 5');
    writeFileSync(path.join(OUT, 'text.pdf'), await finish(doc));

    const src = (p: string) => JSON.stringify(path.resolve(p));
    const entry = path.join(OUT, 'entry.ts');
    writeFileSync(
      entry,
      `import { readFileSync } from 'node:fs';
       import path from 'node:path';
       import { readXlsx } from ${src('electron/core/import/table.ts')};
       import { pdfPages } from ${src('electron/core/worksheet/read.ts')};
       const loaded = () => Object.keys(require.cache).filter((f) => path.basename(path.dirname(f)) === 'vendor').map((f) => path.basename(f)).sort();
       (async () => {
         const atStart = loaded();
         const sheets = await readXlsx(readFileSync(${JSON.stringify(path.join(OUT, 'log.xlsx'))}));
         const pages = await pdfPages(readFileSync(${JSON.stringify(path.join(OUT, 'text.pdf'))}));
         const { readReviewForm } = await import(${src('electron/core/pdf/review-form-read.ts')});
         const form = await readReviewForm(readFileSync(${JSON.stringify(path.join(OUT, 'text.pdf'))}), []);
         process.stdout.write(JSON.stringify({
           atStart,
           rows: sheets[0].rows.map((r) => r.cells ?? r),
           text: pages.flatMap((p) => p.runs.map((r) => r.text)).join(' '),
           formPayload: form.payload,
           atEnd: loaded(),
         }));
       })();`,
    );
    // As scripts/build-electron.mjs builds dist/electron/main.cjs and dist/electron/vendor/.
    const main = path.join(OUT, 'main.cjs');
    await build({ ...common, ...mainOnly, plugins: [lazyVendor], entryPoints: [entry], outfile: main, logLevel: 'error' });
    for (const o of vendorBuilds(OUT)) await build({ ...o, logLevel: 'error' });

    const out = JSON.parse(execFileSync(process.execPath, [main], { encoding: 'utf8', cwd: '/' })) as {
      atStart: string[];
      rows: unknown[];
      text: string;
      formPayload: unknown;
      atEnd: string[];
    };
    expect(out.atStart).toEqual([]);
    expect(JSON.stringify(out.rows)).toContain('CT Head');
    expect(out.text).toContain('Routine Head 3 of 5');
    expect(out.formPayload).toBeNull(); // a plain PDF, read through pdf-lib: no form payload
    expect(out.atEnd).toEqual(Object.values(LAZY_VENDOR).sort());
  });
});
