// The one function that decides whether a URL may leave the app for the system browser, and the
// one definition of our own origin. Pure: tested in tests/unit/electron/main/trusted-url.test.ts.

export const APP_SCHEME = 'app';
export const APP_HOST = 'radledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of our own renderer (app://radledger/...). */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Returns the parsed URL when it is safe to hand to the operating system (https to a named host,
 * or mailto), else null. Everything else (file:, javascript:, custom schemes, credentials in the
 * URL, http) stays inside.
 */
export function parseExternalUrl(raw: string): URL | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol === 'mailto:') return u.pathname.includes('@') ? u : null;
  if (u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  if (!u.hostname || u.hostname === 'localhost') return null;
  return u;
}
