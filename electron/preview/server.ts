// The browser preview: the built renderer plus the same IPC contract over HTTP, backed by the same
// backend library. For machines where Electron cannot start and for browser tests.
//
// Guards: binds loopback only (a non-loopback host is refused before listening), a random port,
// a per-run secret token on every API call, a Host header check against DNS rebinding, and an
// Origin check on API calls (a browser always sends Origin on a POST; a foreign one is refused).
// Bodies over MAX_BODY_BYTES are refused with 413 from their Content-Length, or as soon as a
// streamed body passes the limit, never read whole; a path that is not valid percent-encoding
// answers 400.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openBackend, type Backend } from '../core/backend';
import { CONTENT_SECURITY_POLICY } from '../core/csp';
import { mimeType, resolveStaticPath } from '../core/static-files';

export const TOKEN_HEADER = 'x-radledger-token';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface PreviewOptions {
  dataDir: string;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
  appVersion?: string;
  now?: () => Date;
}

export interface PreviewServer {
  url: string;
  /** The URL with the token in its fragment: what a person opens. */
  openUrl: string;
  port: number;
  token: string;
  backend: Backend;
  close: () => Promise<void>;
}

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host);
}

export function isAllowedHostHeader(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase());
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

class BodyTooLarge extends Error {}

/**
 * The request body, refused (BodyTooLarge) by its declared length before a byte is read, or as
 * soon as a streamed body passes the limit. Past the limit nothing more is kept.
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      req.off('end', onEnd);
      chunks.length = 0;
      reject(new BodyTooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/**
 * 413 at once. The rest of the body is discarded as it arrives (never buffered) and the connection
 * is left open meanwhile: closing it while the client still writes would reset it, and the client
 * would lose the answer. A client that keeps sending past another MAX_BODY_BYTES is cut off.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse) {
  const mb = Math.round(MAX_BODY_BYTES / 2 ** 20);
  send(res, 413, JSON.stringify({ ok: false, error: { kind: 'validation', message: `The request is larger than ${mb} MB.` } }));
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_BODY_BYTES) req.destroy();
  });
  req.resume();
}

/** Origin of an API call: none (not a browser) or this server's own; anything else is refused. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin.toLowerCase());
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(`The preview server only listens on loopback (127.0.0.1, ::1); refusing to bind to "${host}".`);
  }
  const token = options.token ?? randomBytes(32).toString('hex');
  const backend = openBackend({
    dataDir: options.dataDir,
    host: 'preview',
    appVersion: options.appVersion ?? '0.0.0-preview',
    ...(options.now ? { now: options.now } : {}),
  });
  let port = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!isAllowedHostHeader(req.headers.host, port)) return send(res, 421, JSON.stringify({ error: 'bad host' }));
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const pathname = decodePath(url.pathname);
      if (pathname === null) {
        return send(res, 400, JSON.stringify({ ok: false, error: { kind: 'validation', message: 'The request path is not valid percent-encoding.' } }));
      }
      if (pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, JSON.stringify({ error: 'POST only' }));
        const given = req.headers[TOKEN_HEADER];
        if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) {
          return send(res, 403, JSON.stringify({ ok: false, error: { kind: 'forbidden', message: 'Missing or wrong preview token.' } }));
        }
        if (!isAllowedOrigin(req.headers.origin, port)) {
          return send(res, 403, JSON.stringify({ ok: false, error: { kind: 'forbidden', message: 'Calls from another site are refused.' } }));
        }
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? (JSON.parse(body) as { input?: unknown }).input : undefined;
        } catch (err) {
          if (err instanceof BodyTooLarge) return refuseTooLarge(req, res);
          return send(res, 400, JSON.stringify({ ok: false, error: { kind: 'validation', message: 'The request body is not valid JSON.' } }));
        }
        const result = await backend.dispatch(pathname.slice('/api/'.length), input);
        return send(res, 200, JSON.stringify(result));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '');
      const file = resolveStaticPath(options.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'not found', 'text/plain');
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': mimeType(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        send(res, 404, 'not found', 'text/plain');
      }
    })().catch((err: unknown) => send(res, 500, JSON.stringify({ ok: false, error: { kind: 'internal', message: String(err) } })));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const hostForUrl = host === '::1' ? '[::1]' : host;
  const url = `http://${hostForUrl}:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    backend,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          backend.close();
          resolve();
        });
      }),
  };
}
