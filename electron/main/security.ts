// Global guards, set once for every web contents the app ever creates: no navigation away from
// our origin, no redirects, no webviews, no new windows, no permissions. External links go out
// only through parseExternalUrl(). `app` and `shell` are passed in so the guards are testable
// without Electron.
import type { App, Shell, WebContents } from 'electron';
import { isAppUrl, parseExternalUrl } from './trusted-url';

export function guardWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    // Reloads of our own page are fine; anything else is refused.
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = parseExternalUrl(url);
    if (external) void shell.openExternal(external.toString());
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

export function setupSecurityGuards(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
}
