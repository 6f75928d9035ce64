// Settings → Import: a spreadsheet people already keep (CSV or XLSX; SpreadsheetImport.tsx, with
// its history and undo), and RadLedger's own JSON export, which replaces the data like a restore
// (preview, backup, undo).
import { useRef, useState } from 'react';
import type { BackupInfo, DataPreview } from '../../../shared/ipc/backups';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Banner, useToast } from '../ui';
import { DataPreviewView } from './DataPreviewView';
import { UploadProgress } from './UploadProgress';
import { uploadFile } from './files';
import { SpreadsheetImport } from './SpreadsheetImport';

/** Undoes a JSON import by restoring the backup taken just before it; false (error shown) if that failed. */
async function restoreBackup(backup: BackupInfo, setBusy: (b: boolean) => void, setError: (e: AppError) => void): Promise<boolean> {
  setBusy(true);
  const r = await api.backups.restore({ source: { kind: 'backup', name: backup.name } });
  setBusy(false);
  if (!r.ok) setError(r.error);
  return r.ok;
}

export function ImportSection(props: { refreshKey: number; onDataChanged: () => void }) {
  return (
    <section className="card" aria-labelledby="import-title">
      <div>
        <h2 className="card-title" id="import-title">
          Import
        </h2>
        <p className="muted small">Bring in the log you already keep. Nothing is written until every row passes the same checks as the log form.</p>
      </div>
      <SpreadsheetImport refreshKey={props.refreshKey} onDataChanged={props.onDataChanged} />
      <JsonImport onDataChanged={props.onDataChanged} />
    </section>
  );
}

function JsonImport(props: { onDataChanged: () => void }) {
  /** The chosen export, already sent to the backend in pieces (any size), and its preview. */
  const [picked, setPicked] = useState<{ name: string; uploadId: string; bytes: number; preview: DataPreview & { exportedAt: string } } | null>(null);
  const [reading, setReading] = useState<{ done: number; total: number } | null>(null);
  const [done, setDone] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const toast = useToast();

  async function choose(f: File) {
    setDone(null);
    setError(null);
    setPicked(null);
    setReading({ done: 0, total: f.size });
    const sent = await uploadFile(f, (done, total) => setReading({ done, total }));
    const r = sent.ok ? await api.exportjson.previewUpload({ uploadId: sent.value, bytes: f.size }) : sent;
    setReading(null);
    if (r.ok && sent.ok) setPicked({ name: f.name, uploadId: sent.value, bytes: f.size, preview: r.value });
    else if (!r.ok) {
      setPicked(null);
      setError(r.error);
    }
  }

  async function replace() {
    if (!picked) return;
    setBusy(true);
    const r = await api.exportjson.importUpload({ uploadId: picked.uploadId, bytes: picked.bytes });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setPicked(null);
    setDone(r.value.undo);
    props.onDataChanged();
    toast('Your data was replaced with the export.');
  }

  async function undo(backup: BackupInfo) {
    if (!(await restoreBackup(backup, setBusy, setError))) return;
    setDone(null);
    props.onDataChanged();
    toast('Undone: your data is back as it was before.');
  }

  return (
    <div className="import-block stack">
      <h3 className="import-title">From a RadLedger JSON export</h3>
      <p className="muted small">Moves a whole log between computers. It replaces your current data; your data is backed up first and you can undo.</p>
      <div className="row">
        <button className="btn" onClick={() => fileInput.current?.click()} disabled={busy || reading !== null}>
          Choose a JSON export…
        </button>
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          aria-label="RadLedger JSON export file"
          accept=".json,application/json"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void choose(f);
          }}
        />
      </div>
      {reading ? <UploadProgress reading={reading} /> : null}
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {done ? (
        <Banner tone="ok">
          Your data was replaced with the export.{' '}
          <button className="btn-link" onClick={() => void undo(done)} disabled={busy}>
            Undo
          </button>
        </Banner>
      ) : null}
      {picked ? (
        <div className="restore-preview" role="region" aria-label="JSON import preview">
          <h3 className="restore-preview-title">Replace your data with {picked.name}?</h3>
          <p className="small muted">Exported {new Date(picked.preview.exportedAt).toLocaleString()}.</p>
          <DataPreviewView preview={picked.preview} />
          <div className="row">
            <button className="btn btn-primary" onClick={() => void replace()} disabled={busy}>
              {busy ? 'Replacing…' : 'Replace my data with this export'}
            </button>
            <button className="btn" onClick={() => setPicked(null)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
