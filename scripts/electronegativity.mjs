// Runs @doyensec/electronegativity over the Electron and renderer sources and fails on any HIGH
// finding that is not a reviewed, documented false positive (docs/security/electronegativity-reviewed.json).
// The tool itself always exits 0, so its CSV report is what is judged.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';

const reviewed = JSON.parse(readFileSync('docs/security/electronegativity-reviewed.json', 'utf8')).reviewed;
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const bin = path.resolve('node_modules/.bin/electronegativity');
let failed = false;
let total = 0;

// Global checks (navigation limits, permission handler, CSP) need main and renderer together, so
// both trees are scanned as one app from a scratch copy (the tool cannot skip node_modules).
const work = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
const app = path.join(work, 'app');
// `node scripts/electronegativity.mjs [dir...]` scans other trees (the test feeds it an insecure fixture).
const inputs = process.argv.slice(2).length ? process.argv.slice(2) : ['electron', 'renderer'];
for (const dir of inputs) cpSync(dir, path.join(app, path.basename(dir)), { recursive: true });
cpSync('package.json', path.join(app, 'package.json'));
const out = path.join(work, 'report.csv');
execFileSync(bin, ['-i', app, '-r', '-o', out, '-v', 'false', '-e', electronVersion], { stdio: 'pipe' });
if (!existsSync(out)) {
  console.error('electronegativity wrote no report: treating as a failure.');
  process.exit(1);
}
const rows = Papa.parse(readFileSync(out, 'utf8').trim(), { header: true, transformHeader: (h) => h.trim() }).data;
total = rows.length;
for (const r of rows) {
  const severity = String(r.severity ?? '').trim();
  const issue = String(r.issue ?? '').trim();
  const file = String(r.filename ?? '').trim();
  const line = `${severity.padEnd(8)} ${issue} ${file}:${String(r.location ?? '').trim()}`;
  if (severity !== 'HIGH') {
    console.log(`  below HIGH              ${line}`);
    continue;
  }
  const ok = reviewed.find((x) => x.issue === issue && x.file === file);
  if (ok) console.log(`  reviewed false positive ${line} (${ok.reason})`);
  else {
    console.error(`  UNREVIEWED HIGH         ${line}`);
    failed = true;
  }
}

console.log(`electronegativity (Electron ${electronVersion}): ${total} findings, ${failed ? 'UNREVIEWED HIGH findings present' : 'no unreviewed HIGH finding'}`);
process.exit(failed ? 1 : 0);
