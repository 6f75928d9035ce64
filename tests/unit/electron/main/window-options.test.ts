import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getMainWindowOptions } from '../../../../electron/main/window-options';

describe('main window options', () => {
  it('pins every security flag of the one BrowserWindow', () => {
    const o = getMainWindowOptions('/x/preload.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(o.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(o.show).toBe(false);
  });

  it('there is exactly one `new BrowserWindow` in the app, and it uses these options', () => {
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && /new BrowserWindow\(/.test(readFileSync(p, 'utf8'))) hits.push(p);
      }
    };
    walk('electron');
    expect(hits).toEqual([path.join('electron', 'main', 'window.ts')]);
    expect(readFileSync(hits[0]!, 'utf8')).toContain('new BrowserWindow(getMainWindowOptions(');
  });
});
