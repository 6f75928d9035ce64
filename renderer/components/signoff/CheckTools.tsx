// "Check a packet" (does a packet PDF or its JSON twin still match the log?) and the integrity check
// (audit chain + every entry against its last recorded version).
import { useState } from 'react';
import type { PacketCheck } from '../../../shared/ipc/documents';
import type { IntegrityReport } from '../../../shared/ipc/signoff';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Banner, Field } from '../ui';
import { readFileBase64 } from './files';

export function CheckPacket() {
  const [result, setResult] = useState<PacketCheck | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  async function check(file: File | undefined) {
    if (!file) return;
    const r = await api.documents.checkPacket({ fileName: file.name, base64: await readFileBase64(file) });
    if (r.ok) {
      setResult(r.value);
      setError(null);
    } else {
      setResult(null);
      setError(r.error);
    }
  }

  const ok = result && result.matchesLog && result.selfConsistent !== false;
  return (
    <div className="stack">
      <Field label="Packet to check" hint="A packet PDF or its JSON twin">
        {(id, d) => <input id={id} aria-describedby={d} type="file" accept="application/pdf,application/json,.json,.pdf" onChange={(e) => void check(e.target.files?.[0])} />}
      </Field>
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {result ? (
        <Banner tone={ok ? 'ok' : 'error'}>
          <strong>{ok ? 'Matches the log.' : 'Does not match.'}</strong> {result.message} ({result.entryCount} entries, digest{' '}
          <code>{result.digest.slice(0, 16)}…</code>
          {result.source === 'pdf' ? ', read from the PDF' : ', read from the JSON twin'})
        </Banner>
      ) : null}
    </div>
  );
}

export function IntegrityCheck() {
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    const r = await api.signoff.integrity();
    setBusy(false);
    if (r.ok) {
      setReport(r.value);
      setError(null);
    } else setError(r.error);
  }

  return (
    <div className="stack">
      <div className="row">
        <button className="btn" type="button" onClick={() => void run()} disabled={busy}>
          {busy ? 'Checking…' : 'Run integrity check'}
        </button>
      </div>
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {report ? (
        report.ok ? (
          <Banner tone="ok">
            No changes outside RadLedger: {report.auditRows} audit records chain correctly and all {report.entriesChecked} entries match their last
            recorded version.
            {report.importedUnedited > 0
              ? ` ${report.importedUnedited} entries came from a spreadsheet import and were never edited: the import is recorded as a whole, so they are checked for presence, not field by field.`
              : ''}
          </Banner>
        ) : (
          <Banner tone="error">
            <strong>Changes made outside RadLedger were found.</strong>
            <ul className="so-integrity-list">
              {report.chainBreaks.map((b) => (
                <li key={`c${b.auditId}-${b.reason}`}>
                  Audit record {b.auditId}: {b.reason}.
                </li>
              ))}
              {report.alteredEntries.map((a) => (
                <li key={`e${a.entryId}`}>
                  Entry {a.entryId}: {a.reason}
                  {a.fields.length ? ` Changed: ${a.fields.join(', ')}.` : ''}
                </li>
              ))}
            </ul>
          </Banner>
        )
      ) : null}
    </div>
  );
}
