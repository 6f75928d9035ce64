// What a backup, a picked file or a JSON export holds, shown before anything changes.
import type { DataPreview } from '../../../shared/ipc/backups';

export function DataPreviewView(props: { preview: DataPreview }) {
  const p = props.preview;
  return (
    <div className="stack data-preview">
      <p>
        <strong>{p.entries.toLocaleString()}</strong> {p.entries === 1 ? 'entry' : 'entries'} in <strong>{p.tracks.length}</strong>{' '}
        {p.tracks.length === 1 ? 'track' : 'tracks'}
        {p.firstDate ? (
          <>
            , from <strong>{p.firstDate}</strong> to <strong>{p.lastDate}</strong>
          </>
        ) : null}
        . <span className="muted">Schema version {p.schemaVersion}.</span>
      </p>
      {p.tracks.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Tracks in this file</caption>
            <thead>
              <tr>
                <th scope="col">Track</th>
                <th scope="col">Discipline</th>
                <th scope="col" className="num">
                  Entries
                </th>
              </tr>
            </thead>
            <tbody>
              {p.tracks.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.discipline}</td>
                  <td className="num">{t.entries.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
