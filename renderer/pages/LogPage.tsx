// The first vertical slice: create a track, log an entry, see both listed.
// The full keyboard-first capture UI replaces the entry form in its own feature.
import { useState, type FormEvent } from 'react';
import { DISCIPLINES, type DisciplineCode } from '../../shared/disciplines';
import { localIsoDate } from '../../shared/dates';
import type { Track } from '../../shared/domain';
import type { AppError } from '../../shared/result';
import { api } from '../api';
import { Banner, Field, PageHeader, fieldErrors, useToast } from '../components/ui';
import { useResult } from '../hooks/useResult';

export function LogPage() {
  const tracks = useResult(() => api.tracks.list(), []);
  const [trackId, setTrackId] = useState<number | null>(null);
  const list = tracks.value ?? [];
  const active = list.find((t) => t.id === trackId) ?? list[0];

  return (
    <div className="page">
      <PageHeader title="Log" subtitle="Every procedure you perform, kept on this computer." />
      {tracks.error ? <Banner tone="error">{tracks.error.message}</Banner> : null}
      {!tracks.loading && list.length === 0 ? <NewTrackForm onCreated={() => void tracks.reload()} first /> : null}
      {active ? (
        <>
          <div className="row">
            <Field label="Track">
              {(id) => (
                <select id={id} value={active.id} onChange={(e) => setTrackId(Number(e.target.value))}>
                  {list.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name} ({t.discipline}) · from {t.startDate}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <EntrySection track={active} />
          <details className="card">
            <summary className="card-title">Add another track</summary>
            <NewTrackForm onCreated={() => void tracks.reload()} />
          </details>
        </>
      ) : null}
    </div>
  );
}

function NewTrackForm(props: { onCreated: () => void; first?: boolean }) {
  const [discipline, setDiscipline] = useState<DisciplineCode>('CT');
  const [startDate, setStartDate] = useState(localIsoDate(new Date()));
  const [error, setError] = useState<AppError | null>(null);
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api.tracks.create({ discipline, startDate });
    if (r.ok) {
      setError(null);
      props.onCreated();
    } else setError(r.error);
  }

  return (
    <form className={props.first ? 'card' : 'stack'} onSubmit={(e) => void submit(e)} aria-label="New track">
      {props.first ? (
        <>
          <h2 className="card-title">Start your first track</h2>
          <p className="muted">A track is one credential you are working toward, such as CT or MRI.</p>
        </>
      ) : null}
      <div className="row">
        <Field label="Discipline" error={errors.discipline}>
          {(id) => (
            <select id={id} value={discipline} onChange={(e) => setDiscipline(e.target.value as DisciplineCode)}>
              {DISCIPLINES.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name} ({d.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Start date" error={errors.startDate}>
          {(id, describedBy) => (
            <input
              id={id}
              type="date"
              value={startDate}
              aria-invalid={Boolean(errors.startDate)}
              aria-describedby={describedBy}
              onChange={(e) => setStartDate(e.target.value)}
            />
          )}
        </Field>
        <button className="btn btn-primary" type="submit">
          Create track
        </button>
      </div>
      {error && !error.issues ? <Banner tone="error">{error.message}</Banner> : null}
    </form>
  );
}

function EntrySection(props: { track: Track }) {
  const { track } = props;
  const entries = useResult(() => api.entries.list({ trackId: track.id, limit: 100 }), [track.id]);
  const [performedOn, setPerformedOn] = useState(localIsoDate(new Date()));
  const [procedureName, setProcedureName] = useState('');
  const [siteName, setSiteName] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const toast = useToast();
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api.entries.create({ trackId: track.id, performedOn, procedureName, siteName: siteName || null, notes });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setProcedureName('');
    setNotes('');
    toast(`Logged ${r.value.procedureName} on ${r.value.performedOn}.`);
    void entries.reload();
  }

  return (
    <>
      <form className="card" onSubmit={(e) => void submit(e)} aria-label="Log a procedure">
        <h2 className="card-title">Log a procedure</h2>
        <div className="row">
          <Field label="Date performed" error={errors.performedOn}>
            {(id, d) => (
              <input id={id} type="date" value={performedOn} aria-invalid={Boolean(errors.performedOn)} aria-describedby={d} onChange={(e) => setPerformedOn(e.target.value)} />
            )}
          </Field>
          <Field label="Procedure" error={errors.procedureName} grow>
            {(id, d) => (
              <input id={id} value={procedureName} aria-invalid={Boolean(errors.procedureName)} aria-describedby={d} onChange={(e) => setProcedureName(e.target.value)} placeholder="e.g. CT Head without contrast" />
            )}
          </Field>
          <Field label="Site" error={errors.siteName}>
            {(id, d) => <input id={id} value={siteName} aria-describedby={d} onChange={(e) => setSiteName(e.target.value)} placeholder="e.g. Mercy General" />}
          </Field>
        </div>
        <Field label="Notes" error={errors.notes} hint="No patient names, record numbers or dates of birth.">
          {(id, d) => <textarea id={id} value={notes} aria-describedby={d} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        <div className="row">
          <button className="btn btn-primary" type="submit">
            Save entry
          </button>
        </div>
        {error && !error.issues ? <Banner tone="error">{error.message}</Banner> : null}
      </form>
      <section className="card" aria-label="Entries">
        <h2 className="card-title">
          Entries <span className="badge">{entries.value?.total ?? 0}</span>
        </h2>
        {entries.value && entries.value.rows.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Procedure</th>
                  <th>Site</th>
                  <th>Status</th>
                  <th>Notes</th>
                </tr>
              </thead>
              <tbody>
                {entries.value.rows.map((e) => (
                  <tr key={e.id}>
                    <td>{e.performedOn}</td>
                    <td>{e.procedureName}</td>
                    <td>{e.siteName ?? '—'}</td>
                    <td>
                      <span className="badge">{e.status}</span>
                    </td>
                    <td className="muted">{e.notes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">No entries yet for this track.</p>
        )}
      </section>
    </>
  );
}
