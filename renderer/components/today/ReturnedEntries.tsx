// Entries a reviewer rejected or sent back for correction, with the reason, until a new review
// covers them. They never count as signed.
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';

export function ReturnedEntries() {
  const returned = useResult(() => api.review.returned({}), []);
  const list = returned.value ?? [];
  if (returned.error) return <p className="error">{returned.error.message}</p>;
  if (list.length === 0) return <p className="muted">No entries were returned to you.</p>;
  return (
    <ul className="today-list" aria-label="Returned entries">
      {list.map(({ entry, mark }) => (
        <li key={entry.id}>
          <span className={`badge ${mark.state === 'rejected' ? 'badge-danger' : 'badge-warn'}`}>{mark.state === 'rejected' ? 'Rejected' : 'Needs correction'}</span>{' '}
          <strong>{entry.procedureName}</strong> <span className="muted">{entry.performedOn}{entry.siteName ? ` at ${entry.siteName}` : ''}</span> ·{' '}
          {mark.by}: “{mark.reason}”{mark.changedSince ? <span className="muted"> (edited since: ask for a new review)</span> : null}
        </li>
      ))}
    </ul>
  );
}
