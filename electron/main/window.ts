import { BrowserWindow } from 'electron';
import { getMainWindowOptions } from './window-options';
import { APP_ENTRY_URL } from './trusted-url';

/** The app's one window. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow(getMainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
