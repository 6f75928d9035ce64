import http from 'node:http';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../../electron/preview/server';
import { tempDir } from '../../../helpers/tmp';

let server: PreviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A raw request so the Host header can be set to anything (fetch forbids that). */
function request(port: number, opts: { path: string; method?: string; host?: string; token?: string; body?: string; headers?: Record<string, string> }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: {
          host: opts.host ?? `127.0.0.1:${port}`,
          ...(opts.token ? { 'x-radledger-token': opts.token } : {}),
          'content-type': 'application/json',
          ...opts.headers,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function start() {
  const rendererDir = tempDir();
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  server = await startPreviewServer({ dataDir: tempDir(), rendererDir });
  return server;
}

describe('preview server', () => {
  it('listens on loopback on a random port and answers API calls that carry the token', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(s.port).toBeGreaterThan(0);
    const r = await request(s.port, { path: '/api/tracks.list', method: 'POST', token: s.token, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const s = await start();
    const none = await request(s.port, { path: '/api/tracks.list', method: 'POST', body: '{}' });
    expect(none.status).toBe(403);
    const wrong = await request(s.port, { path: '/api/tracks.list', method: 'POST', token: 'f'.repeat(64), body: '{}' });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('refuses a request with a foreign Host header (DNS rebinding), even with the token', async () => {
    const s = await start();
    const r = await request(s.port, { path: '/api/tracks.list', method: 'POST', token: s.token, host: `evil.example:${s.port}`, body: '{}' });
    expect(r.status).toBe(421);
    const page = await request(s.port, { path: '/', host: 'evil.example' });
    expect(page.status).toBe(421);
  });

  it('refuses to bind anywhere but loopback', async () => {
    await expect(startPreviewServer({ dataDir: tempDir(), rendererDir: tempDir(), host: '0.0.0.0' })).rejects.toThrow(/only listens on loopback/);
    await expect(startPreviewServer({ dataDir: tempDir(), rendererDir: tempDir(), host: '192.168.1.10' })).rejects.toThrow(/only listens on loopback/);
  });

  it('parses the argument like the desktop app does: bad input is a validation error', async () => {
    const s = await start();
    const r = await request(s.port, { path: '/api/tracks.create', method: 'POST', token: s.token, body: JSON.stringify({ input: { discipline: 'XRAY' } }) });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('answers malformed percent-encoding in a path with 400, not 500', async () => {
    const s = await start();
    const api = await request(s.port, { path: '/api/tracks.%E0%A4%A', method: 'POST', token: s.token, body: '{}' });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const page = await request(s.port, { path: '/assets/%zz.js' });
    expect(page.status).toBe(400);
  });

  it('refuses an oversized body with 413 from its Content-Length, before reading it', async () => {
    const s = await start();
    // Claims 100 MB and sends a few bytes: a server that read the body whole would wait forever.
    const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: s.port,
          path: '/api/tracks.list',
          method: 'POST',
          headers: { host: `127.0.0.1:${s.port}`, 'x-radledger-token': s.token, 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('{"input":');
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('refuses a streamed body (no Content-Length) with 413 once it passes the limit', async () => {
    const s = await start();
    const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: s.port,
          path: '/api/tracks.list',
          method: 'POST',
          headers: { host: `127.0.0.1:${s.port}`, 'x-radledger-token': s.token, 'transfer-encoding': 'chunked' },
        },
        (res) => resolve({ status: res.statusCode ?? 0, body: '' }),
      );
      // The server closes the connection after its answer, while we may still be writing.
      req.on('error', (err) => reject(new Error(`no answer before the connection closed: ${err.message}`)));
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      // 40 MB, past the 32 MB limit; a well-behaved client stops once it has the answer.
      const pump = () => {
        while (sent < 40 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      req.on('response', () => (sent = 40));
      pump();
    });
    expect(r.status).toBe(413);
  });

  it('refuses an API call from a foreign Origin, even with the token', async () => {
    const s = await start();
    const foreign = await request(s.port, { path: '/api/tracks.list', method: 'POST', token: s.token, body: '{}', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const otherPort = await request(s.port, { path: '/api/tracks.list', method: 'POST', token: s.token, body: '{}', headers: { origin: `http://127.0.0.1:${s.port + 1}` } });
    expect(otherPort.status).toBe(403);
    const own = await request(s.port, { path: '/api/tracks.list', method: 'POST', token: s.token, body: '{}', headers: { origin: `http://127.0.0.1:${s.port}` } });
    expect(own.status).toBe(200);
  });
});
