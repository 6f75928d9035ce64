// Verification packet at 1,000 entries: the whole channel (batch query, digest, catalog lookup, PDF
// render) beside its parts and a raw baseline on the same machine (pdfkit writing the same 1,000
// lines as plain text, no table layout). Prints medians; run alone: `tsx bench/packet.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { openBackend } from '../electron/core/backend';
import { finish } from '../electron/core/pdf/base';
import { batchDigest } from '../electron/core/services/signoff';
import { insertEntry } from '../electron/core/tables/entries';
import { selectBatch } from '../electron/core/tables/signoff';
import { ensureSite } from '../electron/core/tables/sites';
import type { PacketFile } from '../shared/ipc/documents';
import { sampleAsync, sample } from './lib/stats';

const N = Number(process.env.PACKET_ENTRIES ?? 1000);
const PROCEDURES = ['CT Head without contrast', 'CT Chest with contrast (PE protocol)', 'CT Abdomen and Pelvis with IV contrast', 'CT Cervical spine', 'CTA Circle of Willis'];

const dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-bench-packet-'));
const backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 'bench', now: () => new Date('2026-06-15T14:00:00Z') });
try {
  const r = await backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2025-01-01' });
  if (!r.ok) throw new Error(r.error.message);
  const trackId = (r.value as { id: number }).id;
  const now = '2026-06-15T14:00:00.000Z';
  backend.db.transaction(() => {
    const siteId = ensureSite(backend.db, 'Mercy General Hospital', now);
    for (let i = 0; i < N; i++) {
      const day = new Date(Date.UTC(2025, 6, 1) + Math.floor(i / 8) * 86_400_000).toISOString().slice(0, 10);
      insertEntry(backend.db, {
        trackId, performedOn: day, performedAt: `${String(7 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
        procedureId: null, procedureName: PROCEDURES[i % PROCEDURES.length]!, siteId, verifierName: null, patientMarker: null,
        simulated: i % 13 === 0, notes: '', status: 'draft', now,
      });
    }
  })();

  let pages = 0;
  let bytes = 0;
  const full = await sampleAsync(
    async () => {
      const p = await backend.dispatch('documents.packet', { batch: { trackId } });
      if (!p.ok) throw new Error(p.error.message);
      const v = p.value as PacketFile;
      pages = v.pages;
      bytes = Math.round((v.pdf.base64.length * 3) / 4);
    },
    { warmup: 1, minRuns: 5, maxRuns: 15, budgetMs: 20_000 },
  );
  const digest = sample(() => batchDigest(selectBatch(backend.db, { trackId })), { warmup: 2, minRuns: 10, maxRuns: 50 });
  const entries = selectBatch(backend.db, { trackId });
  const raw = await sampleAsync(
    async () => {
      const doc = new PDFDocument({ size: 'LETTER', margin: 54 });
      doc.font('Helvetica').fontSize(9);
      for (const e of entries) doc.text(`${e.performedOn}  ${e.performedAt ?? ''}  ${e.procedureName}  ${e.siteName ?? ''}  ${e.simulated ? 'Yes' : 'No'}`);
      await finish(doc);
    },
    { warmup: 1, minRuns: 5, maxRuns: 15, budgetMs: 20_000 },
  );

  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`Verification packet, ${N} entries: ${pages} pages, ${(bytes / 1024).toFixed(0)} KiB`);
  console.log(`  documents.packet (query + digest + catalog + PDF + JSON twin + base64)  median ${fmt(full.median)}  p95 ${fmt(full.p95)}  (${full.runs} runs)`);
  console.log(`  batch query + SHA-256 digest only                                       median ${fmt(digest.median)}  p95 ${fmt(digest.p95)}`);
  console.log(`  baseline: pdfkit writing the same ${N} lines as plain text                  median ${fmt(raw.median)}  p95 ${fmt(raw.p95)}`);
  console.log(`  ratio packet / plain-text baseline: ${(full.median / raw.median).toFixed(2)}x`);
} finally {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}
