import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/core/csp';
import { serveAppRequest } from '../../../../electron/main/protocol';
import { tempDir } from '../../../helpers/tmp';

describe('app:// protocol', () => {
  it('serves the renderer with the strict CSP header', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    const res = await serveAppRequest(root, 'app://radledger/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('refuses paths that escape the renderer folder and other hosts', async () => {
    const base = tempDir();
    const root = path.join(base, 'renderer');
    mkdirSync(root);
    writeFileSync(path.join(base, 'secret.txt'), 'secret');
    expect((await serveAppRequest(root, 'app://radledger/..%2fsecret.txt')).status).toBe(404);
    expect((await serveAppRequest(root, 'app://radledger/%2e%2e/secret.txt')).status).toBe(404);
    expect((await serveAppRequest(root, 'app://elsewhere/index.html')).status).toBe(404);
  });
});
