// The app's one window. Every security flag is written literally in the one `new BrowserWindow`
// (so electronegativity and a reader can see them). The constructor is passed in so the test
// (tests/unit/electron/main/window.test.ts) can pin these options without loading Electron.
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './trusted-url';

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

export function createMainWindow(BrowserWindow: BrowserWindowCtor, preloadPath: string): ElectronBrowserWindow {
  const win = new BrowserWindow({
    title: 'RadLedger',
    width: 1280,
    height: 840,
    minWidth: 920,
    minHeight: 600,
    show: false, // shown on 'ready-to-show' to avoid a white flash
    backgroundColor: '#f6f5f1',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
