// Time off: ranges when there is neither a shift nor a rotation.
import { useState, type FormEvent } from 'react';
import type { TimeOffRecord } from '../../../shared/ipc/planning';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Field, fieldErrors } from '../ui';

export function TimeOffPanel(props: { timeOff: TimeOffRecord[]; onChanged: () => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const errors = fieldErrors(error);

  async function add(e: FormEvent) {
    e.preventDefault();
    const r = await api.planning.addTimeOff({ from, to: to || from, note });
    if (!r.ok) return setError(r.error);
    setError(null);
    setFrom('');
    setTo('');
    setNote('');
    props.onChanged();
  }

  return (
    <section className="card" aria-labelledby="timeoff-title">
      <h2 id="timeoff-title" className="card-title">
        Time off
      </h2>
      {props.timeOff.length === 0 ? (
        <p className="small muted">None. Add holidays and other days you are away (leave "To" empty for one day).</p>
      ) : (
        <ul className="plain-list">
          {props.timeOff.map((t) => (
            <li key={t.id} className="list-line">
              <span>
                {t.from === t.to ? t.from : `${t.from} – ${t.to}`}
                {t.note ? <span className="muted"> · {t.note}</span> : null}
              </span>
              <button
                className="btn-link"
                type="button"
                aria-label={`Remove time off ${t.from}${t.from === t.to ? '' : ` to ${t.to}`}`}
                onClick={() => void api.planning.deleteTimeOff({ id: t.id }).then(props.onChanged)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="row" onSubmit={(e) => void add(e)} aria-label="Add time off">
        <Field label="From" error={errors.from}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label="To" error={errors.to}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        <Field label="Note" grow>
          {(id) => <input id={id} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <button className="btn" type="submit">
          Add time off
        </button>
      </form>
    </section>
  );
}
