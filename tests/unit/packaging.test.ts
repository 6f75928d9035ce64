import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../electron/core/pdf/base';

// The packaging decisions that are easy to undo by accident.
describe('packaging config', () => {
  const yml = readFileSync('electron-builder.yml', 'utf8');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

  it('never rebuilds native modules and unpacks them from the asar', () => {
    expect(yml).toMatch(/^npmRebuild: false$/m);
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toContain('"**/*.node"');
  });

  it('targets AppImage and deb, nsis, and dmg with the icon from resources/', () => {
    expect(yml).toMatch(/target: \[AppImage, deb\]/);
    expect(yml).toMatch(/target: \[nsis\]/);
    expect(yml).toMatch(/target: \[dmg\]/);
    expect(yml).toContain('icon: resources/icons/icon.png');
  });

  it('pins electron 45, better-sqlite3 13, and Node 22 for npm scripts', () => {
    expect(pkg.devDependencies.electron).toMatch(/^45\./);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^?13\./);
    expect(pkg.devDependencies.node).toMatch(/^\^22\./);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('declares an allowScripts decision for every package with an install script (npm blocks unreviewed ones)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([k]) => k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length));
    // A package with a binding.gyp and no install script gets an implicit "node-gyp rebuild".
    const implicitGyp = ['better-sqlite3'];
    const decided = Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(.)@.*$/, '$1'));
    expect([...new Set([...withScripts, ...implicitGyp])].filter((name) => !decided.includes(name))).toEqual([]);
    // What must run: the node package's preinstall puts Node 22 on the scripts' PATH; esbuild's
    // postinstall checks its platform binary. better-sqlite3 loads its shipped N-API prebuilds, so
    // the implicit node-gyp rebuild (compilers, headers from the network) must not run.
    expect(pkg.allowScripts).toMatchObject({ node: true, esbuild: true, 'better-sqlite3': false });
  });

  it('ships the PDF fonts: a runtime dependency, external to the bundle, and not left out of the app', () => {
    expect(pkg.dependencies['dejavu-fonts-ttf']).toBeTruthy();
    expect(readFileSync('scripts/electron-bundle-options.mjs', 'utf8')).toContain("'dejavu-fonts-ttf'");
    const excluded = [...yml.matchAll(/^\s+- "!(.+)"$/gm)].map((m) => m[1]!);
    expect(excluded.some((g) => g.includes('dejavu-fonts-ttf'))).toBe(true);
    for (const file of Object.values(FONT_FILES)) {
      const inApp = `node_modules/dejavu-fonts-ttf/ttf/${file}`;
      expect(excluded.filter((g) => path.matchesGlob(inApp, g)), file).toEqual([]);
    }
    // ...while the faces RadLedger never uses are left out.
    expect(excluded.some((g) => path.matchesGlob('node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf', g))).toBe(true);
  });
});
