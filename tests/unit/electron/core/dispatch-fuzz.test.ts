// Hostile input through the real dispatcher: a multi-megabyte value in every string field of every
// channel is refused as a validation error at that field (no pattern ever runs on it), and an
// unknown key in any object of the contract is refused with an issue naming the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend } from '../../../../electron/core/backend';
import { contract, CHANNEL_NAMES } from '../../../../shared/ipc/contract';
import { abortingMaxLength, walkSchema } from '../../../helpers/zod-walk';

const MULTI_MB = 4 * 1024 * 1024;

describe('dispatcher under hostile input', () => {
  let dir: string;
  let backend: Backend;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-fuzz-'));
    backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 't' });
  });
  afterAll(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a multi-megabyte value in every string field with a validation error at that field', async () => {
    let sent = 0;
    const wrong: string[] = [];
    for (const name of CHANNEL_NAMES) {
      for (const leaf of walkSchema(contract[name].input).strings) {
        const limit = abortingMaxLength(leaf.schema) ?? 0;
        const huge = '@a.'.repeat(Math.ceil(Math.max(MULTI_MB, limit + 1) / 3));
        const r = await backend.dispatch(name, leaf.build(huge));
        sent++;
        const field = leaf.path.join('.');
        const atField = !r.ok && (leaf.isRecordKey || (r.error.issues ?? []).some((i) => i.path === field));
        if (r.ok || r.error.kind !== 'validation' || !atField) {
          wrong.push(`${name}:${field} -> ${r.ok ? 'ok' : `${r.error.kind} ${r.error.message.slice(0, 120)}`}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(50);
  });

  it('refuses an unknown key in every object of every channel, naming it', async () => {
    const wrong: string[] = [];
    for (const name of CHANNEL_NAMES) {
      for (const obj of walkSchema(contract[name].input).objects) {
        const r = await backend.dispatch(name, obj.build({ unexpectedFieldX: 1 }));
        const field = [...obj.path, 'unexpectedFieldX'].join('.');
        const named = !r.ok && r.error.kind === 'validation' && (r.error.issues ?? []).some((i) => i.path === field && i.message.includes('unexpectedFieldX'));
        if (!named) wrong.push(`${name}:${field} -> ${r.ok ? 'ok' : `${r.error.kind} ${r.error.message.slice(0, 120)}`}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
