// The one set of BrowserWindow options, every security flag written out literally so a reader
// (and tests/unit/electron/main/window-options.test.ts) can see them. No runtime electron import.
import type { BrowserWindowConstructorOptions } from 'electron';

export function getMainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
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
  };
}
