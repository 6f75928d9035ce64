// Every reference in the repository resolves inside a clone: no file cites the notes that live
// outside it (the product, ARRT-rules and style notes the project started from; their content is
// in docs/arrt-rules.md and docs/code-style.md), every docs/*.md path named in a file exists, and
// every relative link in README and docs/ points at a file that is there.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SELF = path.relative(ROOT, __filename);
const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && f !== SELF && existsSync(path.join(ROOT, f)) && /\.(ts|tsx|js|mjs|cjs|md|json|ya?ml|html|css)$/.test(f) && f !== 'package-lock.json');
const text = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');

// Built from pieces so this file does not match itself.
const OUTSIDE = new RegExp(['ARRT-RULES', 'STYLE', 'PRODUCT'].map((n) => `\\b${n}\\.md`).join('|') + String.raw`|/work/shared|\.\./shared/[A-Z]`);

describe('references resolve inside the repository', () => {
  it('scans the repository', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('README.md');
  });

  it('no file cites notes kept outside the repository', () => {
    const cites = files.flatMap((f) =>
      text(f)
        .split('\n')
        .flatMap((line, i) => (OUTSIDE.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(cites).toEqual([]);
  });

  it('every docs/*.md named in a file exists', () => {
    const missing = files.flatMap((f) => [...text(f).matchAll(/\bdocs\/([a-z0-9-]+(?:\/[a-z0-9-]+)*\.md)/g)].map((m) => m[1]!).filter((d) => !existsSync(path.join(ROOT, 'docs', d))).map((d) => `${f}: docs/${d}`));
    expect(missing).toEqual([]);
  });

  it('every relative link in README and docs/ points at a file in the repository', () => {
    const broken: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.md'))) {
      for (const m of text(f).matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const resolved = path.resolve(ROOT, path.dirname(f), target);
        if (!resolved.startsWith(ROOT + path.sep) || !existsSync(resolved)) broken.push(`${f}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
