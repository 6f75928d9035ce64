// Crash safety, done for real: a child process writes entries through the service layer and
// prints each id after its commit returned; we SIGKILL it at random moments, many times, and after
// every kill the database must open, pass integrity_check, and hold every acknowledged entry.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../../electron/core/audit';
import { openDatabase } from '../../../../../electron/core/db/open';
import { databasePath } from '../../../../../electron/core/paths';
import { bundleChild } from '../../../../helpers/bundle-child';
import { tempDir } from '../../../../helpers/tmp';

const KILLS = 30;
// The writer is bundled once so each of the 30 starts takes a fraction of a second.
let bundle = '';

/** mulberry32: the kill moments are random but reproducible from the printed seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  nodeVersion: string;
  acked: number[];
}

/** Starts the writer, kills it `delayMs` after it is ready, resolves with what it acknowledged. */
function runAndKill(dataDir: string, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { nodeVersion: '', acked: [] };
    let buffer = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('ack ')) run.acked.push(Number(line.slice(4)));
        else if (line.startsWith('node ')) run.nodeVersion = line.slice(5);
        else if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${String(signal)}): ${stderr}`));
      // A line cut by the kill is not an acknowledgement; complete lines were read above.
      else resolve(run);
    });
  });
}

describe('crash safety', () => {
  beforeAll(async () => {
    bundle = await bundleChild('tests/unit/electron/core/backup/crash-writer.ts', 'crash-writer');
  });

  it(`survives ${KILLS} SIGKILLs mid-write with every acknowledged entry intact`, async () => {
    const dataDir = tempDir();
    const seed = Date.now() % 2 ** 31;
    const random = rng(seed);
    const acknowledged = new Set<number>();
    let lost = 0;
    for (let k = 0; k < KILLS; k++) {
      const run = await runAndKill(dataDir, Math.floor(random() * 250));
      expect(Number(run.nodeVersion.split('.')[0])).toBeGreaterThanOrEqual(22);
      for (const id of run.acked) acknowledged.add(id);

      const db = openDatabase(databasePath(dataDir));
      try {
        expect(db.pragma('integrity_check', { simple: true }), `seed ${seed}, kill ${k + 1}`).toBe('ok');
        const present = new Set((db.prepare('SELECT id FROM entries').pluck().all() as number[]));
        const missing = [...acknowledged].filter((id) => !present.has(id));
        lost += missing.length;
        expect(missing, `seed ${seed}, kill ${k + 1}: acknowledged entries missing`).toEqual([]);
        expect(verifyAuditChain(db).breaks).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS);
    console.log(`crash test: ${KILLS} kills survived, entries lost = ${lost} (${acknowledged.size} acknowledged entries, seed ${seed})`);
  }, 120_000);
});
