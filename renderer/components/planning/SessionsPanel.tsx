// Rotation sessions at sites: add one, mark it done, remove it.
import { useState, type FormEvent } from 'react';
import type { PlanningSiteInfo, RotationSessionRecord } from '../../../shared/ipc/planning';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { dayLabel } from '../progress/format';
import { Field, fieldErrors } from '../ui';

export function SessionsPanel(props: { sessions: RotationSessionRecord[]; sites: PlanningSiteInfo[]; today: string; defaultHours: number; onChanged: () => void }) {
  const [siteId, setSiteId] = useState('');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [hours, setHours] = useState(String(props.defaultHours));
  const [status, setStatus] = useState<'planned' | 'done'>('planned');
  const [error, setError] = useState<AppError | null>(null);
  const [showPast, setShowPast] = useState(false);
  const errors = fieldErrors(error);
  const upcoming = props.sessions.filter((s) => showPast || s.date >= props.today);

  async function add(e: FormEvent) {
    e.preventDefault();
    const r = await api.planning.saveSession({ siteId: Number(siteId), date, startTime: start || null, hours: Number(hours), status });
    if (!r.ok) return setError(r.error);
    setError(null);
    setDate('');
    props.onChanged();
  }

  async function toggle(s: RotationSessionRecord) {
    await api.planning.saveSession({ id: s.id, siteId: s.siteId, date: s.date, startTime: s.startTime, hours: s.hours, status: s.status === 'done' ? 'planned' : 'done', notes: s.notes });
    props.onChanged();
  }

  return (
    <section className="card" aria-labelledby="sessions-title">
      <div className="card-head">
        <h2 id="sessions-title" className="card-title">
          Rotation sessions
        </h2>
        <label className="small inline-check">
          <input type="checkbox" checked={showPast} onChange={(e) => setShowPast(e.target.checked)} /> Show past sessions
        </label>
      </div>
      {upcoming.length === 0 ? (
        <p className="small muted">No {showPast ? '' : 'upcoming '}sessions. Add one, or let the planner propose days.</p>
      ) : (
        <div className="table-wrap sessions-table">
          <table>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Site</th>
                <th scope="col" className="num">
                  Hours
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {upcoming.map((s) => (
                <tr key={s.id}>
                  <td>
                    {dayLabel(s.date)}
                    {s.startTime ? <span className="muted"> {s.startTime}</span> : null}
                  </td>
                  <td>{s.siteName}</td>
                  <td className="num">{s.hours}</td>
                  <td>
                    <span className={`badge ${s.status === 'done' ? 'badge-ok' : 'badge-info'}`}>{s.status === 'done' ? 'Done' : 'Planned'}</span>
                  </td>
                  <td>
                    <div className="row-actions">
                      <button className="btn-link" type="button" onClick={() => void toggle(s)}>
                        {s.status === 'done' ? 'Mark planned' : 'Mark done'}
                      </button>
                      <button
                        className="btn-link danger-link"
                        type="button"
                        aria-label={`Remove the session at ${s.siteName} on ${s.date}`}
                        onClick={() => void api.planning.deleteSession({ id: s.id }).then(props.onChanged)}
                      >
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.sites.length === 0 ? (
        <p className="small muted">
          Add a site on the <a href="#/sites">Sites page</a> to plan sessions there.
        </p>
      ) : (
        <form className="row" onSubmit={(e) => void add(e)} aria-label="Add a rotation session">
          <Field label="Site" error={errors.siteId}>
            {(id, d) => (
              <select id={id} aria-describedby={d} required value={siteId} onChange={(e) => setSiteId(e.target.value)}>
                <option value="">Choose…</option>
                {props.sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Date" error={errors.date}>
            {(id, d) => <input id={id} aria-describedby={d} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field label="Start (optional)" error={errors.startTime}>
            {(id, d) => <input id={id} aria-describedby={d} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
          </Field>
          <Field label="Hours" error={errors.hours}>
            {(id, d) => <input id={id} aria-describedby={d} type="number" min={0.5} max={24} step={0.5} value={hours} onChange={(e) => setHours(e.target.value)} className="input-short" />}
          </Field>
          <Field label="Status">
            {(id) => (
              <select id={id} value={status} onChange={(e) => setStatus(e.target.value as 'planned' | 'done')}>
                <option value="planned">Planned</option>
                <option value="done">Done</option>
              </select>
            )}
          </Field>
          <button className="btn" type="submit">
            Add session
          </button>
        </form>
      )}
    </section>
  );
}
