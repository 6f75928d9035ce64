// One-off changes to the roster: a swap or an extra shift (another code that day) or a day off.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RosterChange, ShiftDefinition } from '../../../shared/planning/roster';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { dayLabel } from '../progress/format';
import { Field, fieldErrors, useToast } from '../ui';

export function RosterChangesPanel(props: {
  changes: Array<RosterChange & { note: string }>;
  definitions: ShiftDefinition[];
  today: string;
  /** A day picked on the calendar (n changes on every pick, so picking the same day again refocuses). */
  picked?: { date: string; n: number } | null;
  onChanged: () => void;
}) {
  const [date, setDate] = useState('');
  const instead = useRef<HTMLSelectElement>(null);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!props.picked) return;
    setDate(props.picked.date);
    section.current?.scrollIntoView({ block: 'nearest' });
    instead.current?.focus();
  }, [props.picked]);
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const errors = fieldErrors(error);
  const toast = useToast();
  const labelOf = (c: string | null) => {
    if (c === null) return 'Day off';
    const d = props.definitions.find((x) => x.code === c);
    return d ? `${d.label} (${d.code}) ${d.start}–${d.end}` : c;
  };

  async function add(e: FormEvent) {
    e.preventDefault();
    const r = await api.planning.saveChange({ date, code: code === '' ? null : code, note });
    if (!r.ok) return setError(r.error);
    setError(null);
    setDate('');
    setNote('');
    props.onChanged();
  }

  async function remove(c: RosterChange & { note: string }) {
    const r = await api.planning.deleteChange({ date: c.date });
    if (!r.ok) return toast(r.error.message);
    props.onChanged();
    toast(`Change on ${dayLabel(c.date)} removed.`, {
      label: 'Undo',
      run: () => void api.planning.saveChange({ date: c.date, code: c.code, note: c.note }).then(props.onChanged),
    });
  }

  const upcoming = props.changes.filter((c) => c.date >= props.today);
  return (
    <section className="card" aria-labelledby="changes-title" ref={section}>
      <h2 id="changes-title" className="card-title">
        Swaps, extra shifts and days off
      </h2>
      {upcoming.length === 0 ? (
        <p className="small muted">None ahead. A change replaces what your pattern says for that one day.</p>
      ) : (
        <ul className="plain-list" aria-label="Roster changes">
          {upcoming.map((c) => (
            <li key={c.date} className="list-line">
              <span>
                {dayLabel(c.date)}: {labelOf(c.code)}
                {c.note ? <span className="muted"> · {c.note}</span> : null}
              </span>
              <button className="btn-link" type="button" aria-label={`Remove the change on ${c.date}`} onClick={() => void remove(c)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="row" onSubmit={(e) => void add(e)} aria-label="Add a roster change">
        <Field label="Day" error={errors.date}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label="Instead" error={errors.code}>
          {(id, d) => (
            <select id={id} ref={instead} aria-describedby={d} value={code} onChange={(e) => setCode(e.target.value)}>
              <option value="">Day off</option>
              {props.definitions.map((def) => (
                <option key={def.code} value={def.code}>
                  {def.label} ({def.code}) {def.start}–{def.end}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Note" grow>
          {(id) => <input id={id} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} placeholder="e.g. swapped with Sam" />}
        </Field>
        <button className="btn" type="submit">
          Add change
        </button>
      </form>
    </section>
  );
}
