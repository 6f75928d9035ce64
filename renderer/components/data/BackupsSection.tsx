// Settings → Backups & restore: the automatic backups, a backup on demand (kept here or saved to a
// file), and restore from any backup or a picked file, always with a preview first and an undo.
import { useRef, useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupInfo, type DataPreview, type RestoreSource } from '../../../shared/ipc/backups';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, useToast } from '../ui';
import { DataPreviewView } from './DataPreviewView';
import { UploadProgress } from './UploadProgress';
import { saveExport } from '../signoff/files';
import { formatBytes, formatInstant, uploadFile } from './files';

interface Candidate {
  label: string;
  source: RestoreSource;
  preview: DataPreview;
}

export function BackupsSection(props: { refreshKey: number; onDataReplaced: () => void }) {
  const overview = useResult(() => api.backups.list(), [props.refreshKey]);
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [lastRestore, setLastRestore] = useState<{ label: string; undo: BackupInfo } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  /** Bytes of a backup being saved to a file, read so far (a large log takes a few seconds). */
  const [saving, setSaving] = useState<{ done: number; total: number } | null>(null);
  /** Bytes of a picked file sent to the backend so far (it goes in pieces, like a save). */
  const [reading, setReading] = useState<{ done: number; total: number } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const toast = useToast();

  async function run<T>(label: string, work: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>): Promise<T | undefined> {
    setBusy(label);
    setError(null);
    try {
      const r = await work();
      if (r.ok) return r.value;
      setError(r.error);
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  async function backUpNow(download: boolean) {
    const b = await run('backup', () => api.backups.create());
    if (!b) return;
    void overview.reload();
    if (download) await save(b);
    else toast(`Backup saved (${formatBytes(b.sizeBytes)}).`);
  }

  /** The backend copies the backup aside; its pieces are read (documents.readExport) into one file. */
  async function save(b: BackupInfo) {
    setSaving({ done: 0, total: b.sizeBytes });
    try {
      const saved = await run('download', async () => {
        const r = await api.backups.download({ name: b.name });
        if (!r.ok) return r;
        const read = await saveExport(r.value, (input) => api.documents.readExport(input), (done, total) => setSaving({ done, total }));
        return read.ok ? { ok: true as const, value: r.value.fileName } : read;
      });
      if (saved) toast(`Saved ${saved}.`);
    } finally {
      setSaving(null);
    }
  }

  function show(c: Candidate) {
    setCandidate(c);
    window.setTimeout(() => previewRef.current?.focus(), 0);
  }

  async function previewBackup(b: BackupInfo, label = `the backup of ${formatInstant(b.createdAt)}`) {
    const source: RestoreSource = { kind: 'backup', name: b.name };
    const preview = await run('preview', () => api.backups.preview({ source }));
    if (preview) show({ label, source, preview });
  }

  /** The file goes to the backend in pieces (any size), which then stages and checks it. */
  async function pickFile(file: File) {
    setCandidate(null);
    setReading({ done: 0, total: file.size });
    try {
      const staged = await run('stage', async () => {
        const sent = await uploadFile(file, (done, total) => setReading({ done, total }));
        if (!sent.ok) return sent;
        return api.backups.stage({ fileName: file.name, uploadId: sent.value, bytes: file.size });
      });
      if (staged) show({ label: `the file ${file.name}`, source: staged.source, preview: staged.preview });
    } finally {
      setReading(null);
    }
  }

  async function restore(c: Candidate) {
    const r = await run('restore', () => api.backups.restore({ source: c.source }));
    if (!r) return;
    setCandidate(null);
    setLastRestore({ label: c.label, undo: r.undo });
    void overview.reload();
    props.onDataReplaced();
    toast(`Restored ${c.label}.`, { label: 'Undo', run: () => void undo(r.undo) });
  }

  async function undo(previous: BackupInfo) {
    const r = await run('undo', () => api.backups.restore({ source: { kind: 'backup', name: previous.name } }));
    if (!r) return;
    setLastRestore(null);
    void overview.reload();
    props.onDataReplaced();
    toast('Restore undone: your data is back as it was before.');
  }

  const o = overview.value;
  return (
    <section className="card" aria-labelledby="backups-title">
      <div className="data-head">
        <div>
          <h2 className="card-title" id="backups-title">
            Backups &amp; restore
          </h2>
          <p className="muted small">
            RadLedger backs up your log once a day when it starts, and before every update, restore and import. Each backup is checked after
            it is written. It keeps the last 7 days, 4 weeks and 12 months.
          </p>
        </div>
        <div className="row">
          <button className="btn" onClick={() => void backUpNow(false)} disabled={busy !== null}>
            Back up now
          </button>
          <button className="btn" onClick={() => void backUpNow(true)} disabled={busy !== null}>
            Back up to a file…
          </button>
          <button className="btn" onClick={() => fileInput.current?.click()} disabled={busy !== null}>
            Restore from a file…
          </button>
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            aria-label="Backup file to restore"
            accept=".sqlite,.db,.sqlite3,application/vnd.sqlite3,application/octet-stream"
            tabIndex={-1}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void pickFile(f);
            }}
          />
        </div>
      </div>

      {o?.damaged ? (
        <Banner tone="error">
          <strong>Your data file was damaged when RadLedger started.</strong> {o.damaged.reason} It was not changed or deleted: it is kept at{' '}
          <code>{o.damaged.keptAt[0]}</code>. RadLedger started with an empty log.{' '}
          {o.newestGoodBackup ? (
            <button className="btn-link" onClick={() => void previewBackup(o.newestGoodBackup!, 'the newest good backup')}>
              Preview the newest good backup ({formatInstant(o.newestGoodBackup.createdAt)}, {o.newestGoodBackup.preview.entries} entries)
            </button>
          ) : (
            'No good backup was found.'
          )}
        </Banner>
      ) : null}
      {saving ? (
        <div className="stack import-progress" role="status" aria-live="polite">
          <progress max={saving.total || 1} value={saving.done} aria-label="Saving the backup" />
          <p className="small">
            Saving the backup to a file… {formatBytes(saving.done)} of {formatBytes(saving.total)}
          </p>
        </div>
      ) : null}
      {reading ? <UploadProgress reading={reading} /> : null}
      {o?.backupProblem ? <Banner tone="warn">{o.backupProblem}</Banner> : null}
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {overview.error ? <Banner tone="error">{overview.error.message}</Banner> : null}
      {lastRestore ? (
        <Banner tone="ok">
          Restored {lastRestore.label}. Your data from before the restore was backed up first.{' '}
          <button className="btn-link" onClick={() => void undo(lastRestore.undo)} disabled={busy !== null}>
            Undo restore
          </button>
        </Banner>
      ) : null}

      {candidate ? (
        <div className="restore-preview" ref={previewRef} tabIndex={-1} role="region" aria-label="Restore preview">
          <h3 className="restore-preview-title">Restore {candidate.label}?</h3>
          <DataPreviewView preview={candidate.preview} />
          <p className="small">
            Restoring <strong>replaces all your current data</strong> with this. Your current data is backed up first, and you can undo the
            restore.
          </p>
          <div className="row">
            <button className="btn btn-primary" onClick={() => void restore(candidate)} disabled={busy !== null}>
              {busy === 'restore' ? 'Restoring…' : 'Restore this'}
            </button>
            <button className="btn" onClick={() => setCandidate(null)} disabled={busy !== null}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      {o ? (
        o.backups.length === 0 ? (
          <p className="muted small">No backups yet. The first one is made when RadLedger starts tomorrow, or now with “Back up now”.</p>
        ) : (
          <div className="table-wrap backups-table">
            <table>
              <caption className="visually-hidden">Backups, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Taken</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Size
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {o.backups.map((b) => (
                  <tr key={b.name}>
                    <td>{formatInstant(b.createdAt)}</td>
                    <td>
                      <span className={`badge ${b.reason === 'manual' ? 'badge-info' : ''}`}>{BACKUP_REASON_LABELS[b.reason]}</span>
                    </td>
                    <td className="num">{formatBytes(b.sizeBytes)}</td>
                    <td className="actions">
                      <button
                        className="btn-link"
                        onClick={() => void previewBackup(b)}
                        disabled={busy !== null}
                        aria-label={`Preview and restore the backup of ${formatInstant(b.createdAt)}`}
                      >
                        Preview &amp; restore
                      </button>
                      <button
                        className="btn-link"
                        onClick={() => void save(b)}
                        disabled={busy !== null}
                        aria-label={`Save the backup of ${formatInstant(b.createdAt)} to a file`}
                      >
                        Save…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {o ? <p className="muted small">Backups are kept in {o.folder}</p> : null}
    </section>
  );
}
