import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMainWindow, type BrowserWindowCtor } from '../../../../electron/main/window';

// Records what the app asks of Electron's BrowserWindow; Electron itself cannot load under vitest.
function capture() {
  const seen: { options?: unknown; url?: string } = {};
  class FakeWindow {
    constructor(options: unknown) {
      seen.options = options;
    }
    once() {}
    show() {}
    async loadURL(url: string) {
      seen.url = url;
    }
  }
  return { seen, Ctor: FakeWindow as unknown as BrowserWindowCtor };
}

describe('the main window', () => {
  it('is created with every security flag pinned and loads app://radledger, not file://', () => {
    const { seen, Ctor } = capture();
    createMainWindow(Ctor, '/x/preload.cjs');
    expect(seen.url).toBe('app://radledger/index.html');
    const o = seen.options as { show: boolean; webPreferences: Record<string, unknown> };
    expect(o.webPreferences).toEqual(
      expect.objectContaining({
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
      }),
    );
    expect(o.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(o.show).toBe(false);
  });

  it('there is exactly one `new BrowserWindow` in the app', () => {
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) hits.push(...(readFileSync(p, 'utf8').match(/new BrowserWindow\(/g) ?? []).map(() => p));
      }
    };
    walk('electron');
    walk('renderer');
    expect(hits).toEqual([path.join('electron', 'main', 'window.ts')]);
  });
});
