// Documents: the verification packet (PDF + JSON twin), the progress report, the CSV of the log,
// the ARRT entry helper, "Check a packet" and the integrity check. Files are saved where the user
// chooses (a download: Electron asks where; the browser saves to its downloads folder).
import { useEffect, useState } from 'react';
import type { ExportedFile, PacketFile, SavedFile } from '../../shared/ipc/documents';
import type { AppError, Result } from '../../shared/result';
import { api } from '../api';
import { ArrtHelper } from '../components/signoff/ArrtHelper';
import { BatchPicker, toBatchInput, type BatchState } from '../components/signoff/BatchPicker';
import { CheckPacket, IntegrityCheck } from '../components/signoff/CheckTools';
import { saveExport, saveFile } from '../components/signoff/files';
import { Banner, Field, PageHeader, useToast } from '../components/ui';
import { useResult } from '../hooks/useResult';
import '../styles/signoff.css';

export function DocumentsPage() {
  const tracks = useResult(() => api.tracks.list(), []);
  const options = useResult(() => api.signoff.options(), []);
  const verifiers = useResult(() => api.verifiers.list(), []);
  const [batch, setBatch] = useState<BatchState>({ trackId: null, siteId: null, from: '', to: '', status: 'any' });
  const [verifierId, setVerifierId] = useState<number | null>(null);
  const [packet, setPacket] = useState<PacketFile | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const toast = useToast();
  const trackList = tracks.value ?? [];
  useEffect(() => {
    if (batch.trackId === null && trackList[0]) setBatch((b) => ({ ...b, trackId: trackList[0]!.id }));
  }, [trackList.length]);

  async function produce<T>(label: string, call: () => Promise<Result<T>>, done: (v: T) => void) {
    setBusy(label);
    const r = await call();
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    done(r.value);
  }

  function makePacket() {
    const input = toBatchInput(batch);
    if (!input) return;
    void produce('packet', () => api.documents.packet({ batch: input, verifierId }), (p) => {
      setPacket(p);
      saveFile(p.pdf);
      toast(`Packet saved: ${p.entryCount} entries on ${p.pages} pages.`);
    });
  }

  function simple(label: string, call: () => Promise<Result<SavedFile>>) {
    void produce(label, call, (f) => {
      saveFile(f);
      toast(`Saved ${f.fileName}.`);
    });
  }

  /** The CSV: written to a file by the backend, then read back in pieces and saved (see saveExport). */
  function exportLog(label: string, call: () => Promise<Result<ExportedFile>>) {
    void produce(
      label,
      async () => {
        const r = await call();
        return r.ok ? saveExport(r.value, (input) => api.documents.readExport(input)).then((saved) => (saved.ok ? r : saved)) : r;
      },
      (f) => toast(`Saved ${f.fileName}.`),
    );
  }

  return (
    <div className="page documents-page">
      <PageHeader title="Documents" subtitle="Verification packets, progress reports, exports and the ARRT entry helper." />
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {!tracks.loading && trackList.length === 0 ? <Banner tone="info">Create a track and log entries first (Log page).</Banner> : null}

      <section className="card stack" aria-labelledby="packet-title">
        <h2 id="packet-title" className="card-title">
          Verification packet
        </h2>
        <p className="small muted">
          The paper log a verifier signs: your entries, ARRT's verifier checklist, signature lines and a digest that proves later whether the log
          still matches. Print it for a wet-ink signature, then attach the scan on the Sign-off page.
        </p>
        <BatchPicker tracks={trackList} sites={options.value?.sites ?? []} value={batch} onChange={setBatch} />
        <div className="row">
          <Field label="Verifier named on the packet">
            {(id) => (
              <select id={id} value={verifierId ?? ''} onChange={(e) => setVerifierId(e.target.value ? Number(e.target.value) : null)}>
                <option value="">Leave blank for ink</option>
                {(verifiers.value ?? []).map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button className="btn btn-primary" type="button" onClick={makePacket} disabled={batch.trackId === null || busy !== null}>
            {busy === 'packet' ? 'Preparing…' : 'Save packet PDF'}
          </button>
          {packet ? (
            <button className="btn" type="button" onClick={() => saveFile(packet.json)}>
              Save its JSON twin
            </button>
          ) : null}
        </div>
        {packet ? (
          <p className="small muted" aria-live="polite">
            Last packet: {packet.entryCount} entries, {packet.pages} pages, digest <code>{packet.digest.slice(0, 16)}…</code>
          </p>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="exports-title">
        <h2 id="exports-title" className="card-title">
          Reports and exports
        </h2>
        <div className="so-actions">
          <button
            className="btn"
            type="button"
            disabled={batch.trackId === null || busy !== null}
            onClick={() => batch.trackId !== null && simple('report', () => api.documents.progressReport({ trackId: batch.trackId! }))}
          >
            Save progress report (PDF)
          </button>
          <button
            className="btn"
            type="button"
            disabled={batch.trackId === null || busy !== null}
            onClick={() => exportLog('csv', () => api.documents.csv({ trackId: batch.trackId }))}
          >
            Save this track's log (CSV)
          </button>
          <button className="btn" type="button" disabled={busy !== null} onClick={() => exportLog('csv-all', () => api.documents.csv({ trackId: null }))}>
            Save the whole log (CSV)
          </button>
        </div>
        <p className="small muted">CSV files open in Excel, Numbers and LibreOffice; cells that a spreadsheet would run as a formula start with an apostrophe.</p>
      </section>

      {batch.trackId !== null ? (
        <section className="card stack" aria-labelledby="arrt-title">
          <h2 id="arrt-title" className="card-title">
            ARRT entry helper
          </h2>
          <ArrtHelper trackId={batch.trackId} />
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="check-title">
        <h2 id="check-title" className="card-title">
          Check a packet
        </h2>
        <CheckPacket />
      </section>

      <section className="card stack" aria-labelledby="integrity-title">
        <h2 id="integrity-title" className="card-title">
          Integrity check
        </h2>
        <p className="small muted">
          Verifies the hash-chained audit log and compares every entry with the last version RadLedger recorded, to find changes made to the data
          file outside the app.
        </p>
        <IntegrityCheck />
      </section>
    </div>
  );
}
