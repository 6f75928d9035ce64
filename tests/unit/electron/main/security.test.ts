import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { setupSecurityGuards } from '../../../../electron/main/security';

// A stand-in for Electron's WebContents with just what the guards touch; Electron itself cannot
// load under vitest. The guards' behaviour (what they prevent and allow) is what is pinned.
function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const state: { openHandler?: (d: { url: string }) => { action: string }; permission?: (wc: unknown, p: string, cb: (ok: boolean) => void) => void; check?: () => boolean } = {};
  contents.setWindowOpenHandler = (h: typeof state.openHandler) => (state.openHandler = h);
  contents.session = {
    setPermissionRequestHandler: (h: typeof state.permission) => (state.permission = h),
    setPermissionCheckHandler: (h: typeof state.check) => (state.check = h),
  };
  return { contents, state };
}

function event() {
  return { prevented: false, preventDefault() { this.prevented = true; } };
}

function setup() {
  const app = new EventEmitter();
  const opened: string[] = [];
  setupSecurityGuards(app as never, { openExternal: async (u: string) => void opened.push(u) } as never);
  const { contents, state } = fakeContents();
  app.emit('web-contents-created', {}, contents);
  return { contents, state, opened };
}

describe('global security guards', () => {
  it('blocks navigation away from app://radledger, every redirect and every webview', () => {
    const { contents } = setup();
    const away = event();
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.prevented).toBe(true);
    const home = event();
    contents.emit('will-navigate', home, 'app://radledger/index.html');
    expect(home.prevented).toBe(false);
    const redirect = event();
    contents.emit('will-redirect', redirect, 'app://radledger/index.html');
    expect(redirect.prevented).toBe(true);
    const webview = event();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.prevented).toBe(true);
  });

  it('denies every new window and hands only safe links to the system browser', () => {
    const { state, opened } = setup();
    expect(state.openHandler!({ url: 'https://www.arrt.org/' })).toEqual({ action: 'deny' });
    expect(state.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(state.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.arrt.org/']);
  });

  it('refuses every permission request and check', () => {
    const { state } = setup();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let answer: boolean | undefined;
      state.permission!({}, p, (ok) => (answer = ok));
      expect(answer).toBe(false);
    }
    expect(state.check!()).toBe(false);
  });
});
