// Main process: a readable list of setup steps. The backend is the same plain library the
// preview server and the tests use; this file only wires it to Electron.
import { app, BrowserWindow, dialog, ipcMain, protocol, shell } from 'electron';
import path from 'node:path';
import { openBackend, type Backend } from '../core/backend';
import { resolveDataDir } from '../core/paths';
import { recoveryOffer } from '../core/startup';
import { registerIpc } from './ipc';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { setupSecurityGuards } from './security';
import { createMainWindow } from './window';

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | undefined;
let backend: Backend | undefined;

function setupSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  return true;
}

function setupBackend(): Backend | undefined {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  try {
    return openBackend({ dataDir, host: 'electron', appVersion: app.getVersion() });
  } catch (err) {
    dialog.showErrorBox('RadLedger cannot open your data', err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

/** A damaged data file was set aside at start-up: say so, and offer the newest good backup. */
async function offerRecovery(b: Backend): Promise<void> {
  const offer = recoveryOffer(b.startup, b.ctx.dataDir);
  if (!offer) return;
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'RadLedger',
    message: offer.message,
    detail: offer.detail,
    buttons: offer.buttons,
    defaultId: 0,
    cancelId: offer.buttons.length - 1,
    noLink: true,
  });
  if (response !== 0 || !offer.restore) return;
  const r = await b.dispatch('backups.restore', { source: { kind: 'backup', name: offer.restore } });
  if (!r.ok) dialog.showErrorBox('RadLedger could not restore the backup', r.error.message);
}

function main(): void {
  if (!setupSingleInstance()) {
    app.quit();
    return;
  }
  setupSecurityGuards(app, shell);
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backend?.close());
  void app.whenReady().then(async () => {
    registerAppProtocol(protocol, rendererDir);
    backend = setupBackend();
    if (!backend) {
      app.quit();
      return;
    }
    await offerRecovery(backend);
    registerIpc(ipcMain, backend.dispatch, () => mainWindow?.webContents.id);
    mainWindow = createMainWindow(BrowserWindow, preloadPath);
  });
}

main();
