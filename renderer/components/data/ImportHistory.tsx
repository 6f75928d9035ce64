// The spreadsheet imports made so far, newest first, each with an undo that works any time later:
// it deletes the entries that import created and nothing else (entries logged since stay).
import { useState } from 'react';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { formatInstant } from './files';

export function ImportHistory(props: { refreshKey: number; busy: boolean; onUndo: (importId: number) => void }) {
  const history = useResult(() => api.import.history({}), [props.refreshKey]);
  const [confirming, setConfirming] = useState<number | null>(null);
  const items = history.value ?? [];
  if (items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="import-history-title">
      <h4 id="import-history-title" className="import-subtitle">
        Import history
      </h4>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Spreadsheet imports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Imported</th>
              <th scope="col">Track</th>
              <th scope="col" className="num">
                Entries
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
              <th scope="col">
                <span className="visually-hidden">Undo</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>{i.fileName}</td>
                <td>{formatInstant(i.importedAt)}</td>
                <td>{i.trackName}</td>
                <td className="num">
                  {i.imported.toLocaleString()} of {i.rowsInFile.toLocaleString()} rows
                </td>
                <td className="num">{(i.skippedDuplicates + i.skippedSummaryRows).toLocaleString()}</td>
                <td className="actions">
                  {i.undoneAt ? (
                    <span className="muted small">Undone {formatInstant(i.undoneAt)}</span>
                  ) : confirming === i.id ? (
                    <span className="small">
                      Delete the {i.live.toLocaleString()} entries this import created
                      {i.editedSince ? ` (${i.editedSince.toLocaleString()} edited since)` : ''}? Entries logged since stay.{' '}
                      <button
                        className="btn-link text-danger"
                        disabled={props.busy}
                        onClick={() => {
                          setConfirming(null);
                          props.onUndo(i.id);
                        }}
                      >
                        Delete {i.live.toLocaleString()} entries
                      </button>{' '}
                      <button className="btn-link" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button className="btn-link" onClick={() => setConfirming(i.id)} aria-label={`Undo import of ${i.fileName}`}>
                      Undo…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
