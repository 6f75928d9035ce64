// The roster's shift definitions: code, name, start and end (an end at or before the start is the
// next morning), and whether it is work (rest owed) or on call (only its own hours are blocked).
import { useState } from 'react';
import type { ShiftDefinition } from '../../../shared/planning/roster';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Banner, fieldErrors } from '../ui';

type Row = ShiftDefinition & { key: number };

export function ShiftsPanel(props: { definitions: ShiftDefinition[]; onSaved: () => void }) {
  const [rows, setRows] = useState<Row[]>(() => props.definitions.map((d, i) => ({ ...d, key: i })));
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(error);
  const set = (key: number, patch: Partial<ShiftDefinition>) => {
    setSaved(false);
    setRows((r) => r.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  };

  async function save() {
    const r = await api.planning.saveDefinitions({ definitions: rows.map(({ key: _key, ...d }) => d) });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(true);
    props.onSaved();
  }

  return (
    <section className="card" aria-labelledby="shifts-title">
      <h2 id="shifts-title" className="card-title">
        Shifts
      </h2>
      <p className="small muted">The shifts your roster uses. A shift that ends at or before its start time ends the next morning.</p>
      <div className="table-wrap">
        <table className="shift-table">
          <caption className="visually-hidden">Shift definitions</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">Kind</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <td>
                  <input aria-label={`Code of shift ${i + 1}`} className="input-code" value={r.code} maxLength={4} onChange={(e) => set(r.key, { code: e.target.value.toUpperCase() })} />
                </td>
                <td>
                  <input aria-label={`Name of shift ${i + 1}`} value={r.label} maxLength={40} onChange={(e) => set(r.key, { label: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`Start of shift ${i + 1}`} type="time" value={r.start} onChange={(e) => set(r.key, { start: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`End of shift ${i + 1}`} type="time" value={r.end} onChange={(e) => set(r.key, { end: e.target.value })} />
                  {r.end <= r.start ? <span className="small muted"> next day</span> : null}
                </td>
                <td>
                  <select aria-label={`Kind of shift ${i + 1}`} value={r.kind} onChange={(e) => set(r.key, { kind: e.target.value as ShiftDefinition['kind'] })}>
                    <option value="work">Work</option>
                    <option value="on-call">On call</option>
                  </select>
                </td>
                <td>
                  <button className="btn-link" type="button" aria-label={`Remove shift ${r.code || i + 1}`} onClick={() => setRows((x) => x.filter((y) => y.key !== r.key))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error ? <Banner tone="error">{Object.values(errors)[0] ?? error.message}</Banner> : null}
      <div className="row">
        <button
          className="btn"
          type="button"
          onClick={() => setRows((r) => [...r, { key: Math.max(0, ...r.map((x) => x.key)) + 1, code: '', label: '', start: '07:00', end: '15:00', kind: 'work' }])}
        >
          Add a shift
        </button>
        <button className="btn btn-primary" type="button" onClick={() => void save()}>
          Save shifts
        </button>
        {saved ? <span className="small muted" role="status">Saved.</span> : null}
      </div>
    </section>
  );
}
