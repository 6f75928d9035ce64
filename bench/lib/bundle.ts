// The renderer's first-screen weight: the JS and CSS that dist/renderer/index.html loads eagerly
// (module scripts, stylesheets, modulepreloads), gzipped with node:zlib at its default level.
// Chunks loaded later by dynamic import() are not part of the first screen and are listed apart.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: Array<{ file: string; bytes: number; gzip: number }>;
  eagerGzipKb: number;
  eagerRawKb: number;
  lazyGzipKb: number;
}

export function eagerAssets(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) found.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="(stylesheet|modulepreload)"/.test(tag)) found.push(href);
  }
  return [...new Set(found)];
}

export function bundleSize(rendererDir: string): BundleSize {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const eager = eagerAssets(html).map((href) => path.join(rendererDir, href.replace(/^\.?\//, '')));
  const files = eager.map((file) => {
    const bytes = readFileSync(file);
    return { file: path.relative(rendererDir, file), bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
  const assets = path.join(rendererDir, 'assets');
  const lazy = readdirSync(assets)
    .map((f) => path.join(assets, f))
    .filter((f) => /\.(js|css)$/.test(f) && !eager.includes(f) && statSync(f).isFile());
  const lazyGzip = lazy.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
  return {
    files,
    eagerGzipKb: files.reduce((s, f) => s + f.gzip, 0) / 1000,
    eagerRawKb: files.reduce((s, f) => s + f.bytes, 0) / 1000,
    lazyGzipKb: lazyGzip / 1000,
  };
}
