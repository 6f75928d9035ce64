// Serves the built renderer from app://radledger/ with the CSP header, never from file://.
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../core/csp';
import { mimeType, resolveStaticPath } from '../core/static-files';
import { APP_HOST, APP_SCHEME } from './trusted-url';

/** Must run before app 'ready'. */
export const APP_SCHEME_PRIVILEGES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
  if (url.host !== APP_HOST) return new Response('not found', { status: 404, headers });
  const file = resolveStaticPath(rendererDir, url.pathname);
  if (!file) return new Response('not found', { status: 404, headers });
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...headers, 'content-type': mimeType(file) } });
  } catch {
    return new Response('not found', { status: 404, headers });
  }
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
}
