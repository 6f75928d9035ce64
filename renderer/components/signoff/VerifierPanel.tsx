// Verifiers and supervisors: who they are, their credentials and the sites they work at. The
// candidate's own name lives here too: packets print it and the self-verification warning uses it.
import { useEffect, useState, type FormEvent } from 'react';
import type { Site } from '../../../shared/domain';
import type { Candidate } from '../../../shared/ipc/signoff';
import type { Verifier } from '../../../shared/ipc/verifiers';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Banner, Field, fieldErrors, useToast } from '../ui';

export function CandidateForm(props: { candidate: Candidate | null; onSaved: () => void }) {
  const [name, setName] = useState(props.candidate?.name ?? '');
  const [arrtId, setArrtId] = useState(props.candidate?.arrtId ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const toast = useToast();
  useEffect(() => {
    setName(props.candidate?.name ?? '');
    setArrtId(props.candidate?.arrtId ?? '');
  }, [props.candidate?.name, props.candidate?.arrtId]);
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api.signoff.saveCandidate({ name, arrtId });
    if (!r.ok) return setError(r.error);
    setError(null);
    toast('Saved your name for packets.');
    props.onSaved();
  }

  return (
    <form className="row" onSubmit={(e) => void submit(e)} aria-label="Candidate">
      <Field label="Your name (as ARRT knows it)" error={errors.name} grow>
        {(id, d) => <input id={id} aria-describedby={d} aria-invalid={!!errors.name} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Your ARRT ID" error={errors.arrtId} hint="Optional">
        {(id, d) => <input id={id} aria-describedby={d} inputMode="numeric" value={arrtId} onChange={(e) => setArrtId(e.target.value)} />}
      </Field>
      <button className="btn" type="submit">
        Save name
      </button>
    </form>
  );
}

function VerifierForm(props: { sites: Site[]; editing: Verifier | null; onDone: () => void }) {
  const v = props.editing;
  const [name, setName] = useState(v?.name ?? '');
  const [credentials, setCredentials] = useState(v?.credentials ?? '');
  const [arrtId, setArrtId] = useState(v?.arrtId ?? '');
  const [email, setEmail] = useState(v?.email ?? '');
  const [siteIds, setSiteIds] = useState<number[]>(v?.siteIds ?? []);
  const [error, setError] = useState<AppError | null>(null);
  const errors = fieldErrors(error);
  const toast = useToast();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api.verifiers.save({ ...(v ? { id: v.id } : {}), name, credentials, arrtId, email, siteIds });
    if (!r.ok) return setError(r.error);
    setError(null);
    toast(v ? `Updated ${r.value.name}.` : `Added ${r.value.name}.`);
    props.onDone();
  }

  return (
    <form className="stack so-verifier-form" onSubmit={(e) => void submit(e)} aria-label={v ? `Edit ${v.name}` : 'New verifier'}>
      {error && !error.issues?.length ? <Banner tone="error">{error.message}</Banner> : null}
      <div className="row">
        <Field label="Name" error={errors.name} grow>
          {(id, d) => <input id={id} aria-describedby={d} aria-invalid={!!errors.name} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Credentials" error={errors.credentials} hint="e.g. R.T.(R)(CT)(ARRT), MD, DO">
          {(id, d) => <input id={id} aria-describedby={d} value={credentials} onChange={(e) => setCredentials(e.target.value)} />}
        </Field>
      </div>
      <div className="row">
        <Field label="ARRT ID" error={errors.arrtId} hint="Optional">
          {(id, d) => <input id={id} aria-describedby={d} aria-invalid={!!errors.arrtId} inputMode="numeric" value={arrtId} onChange={(e) => setArrtId(e.target.value)} />}
        </Field>
        <Field label="Email" error={errors.email} hint="ARRT's tool asks for it" grow>
          {(id, d) => <input id={id} type="email" aria-describedby={d} aria-invalid={!!errors.email} value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
      </div>
      <fieldset className="so-site-checks">
        <legend>Works at or is affiliated with</legend>
        {props.sites.length === 0 ? <p className="small muted">No sites yet: sites appear once you log an entry at one or add it on the Sites page.</p> : null}
        {props.sites.map((s) => (
          <label key={s.id} className="so-check">
            <input
              type="checkbox"
              checked={siteIds.includes(s.id)}
              onChange={(e) => setSiteIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id)))}
            />
            {s.name}
          </label>
        ))}
        {errors.siteIds ? <span className="error">{errors.siteIds}</span> : null}
      </fieldset>
      <div className="row">
        <button className="btn btn-primary" type="submit">
          {v ? 'Save verifier' : 'Add verifier'}
        </button>
        <button className="btn" type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function VerifierPanel(props: { verifiers: Verifier[]; sites: Site[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<Verifier | 'new' | null>(null);
  const toast = useToast();

  async function archive(v: Verifier) {
    const r = await api.verifiers.archive({ id: v.id });
    if (r.ok) {
      toast(`Archived ${v.name}. Their past signatures stay.`);
      props.onChanged();
    }
  }

  return (
    <section className="card stack" aria-labelledby="verifiers-title">
      <div className="row so-between">
        <h2 id="verifiers-title" className="card-title">
          Verifiers and supervisors
        </h2>
        {editing === null ? (
          <button className="btn" type="button" onClick={() => setEditing('new')}>
            New verifier
          </button>
        ) : null}
      </div>
      {editing !== null ? (
        <VerifierForm
          key={editing === 'new' ? 'new' : editing.id}
          sites={props.sites}
          editing={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            props.onChanged();
          }}
        />
      ) : null}
      {props.verifiers.length === 0 ? (
        <p className="muted">No verifiers yet. Add the R.T.s or physicians who will confirm your procedures.</p>
      ) : (
        <ul className="so-verifier-list">
          {props.verifiers.map((v) => (
            <li key={v.id}>
              <div>
                <strong>{v.name}</strong>
                {v.credentials ? <span className="muted">, {v.credentials}</span> : <span className="badge badge-warn">no credentials</span>}
                <div className="small muted">
                  {v.siteNames.length ? v.siteNames.join(', ') : 'No site linked'}
                  {v.email ? ` · ${v.email}` : ''}
                  {v.arrtId ? ` · ARRT ${v.arrtId}` : ''}
                </div>
              </div>
              <div className="row">
                <button className="btn" type="button" onClick={() => setEditing(v)} aria-label={`Edit ${v.name}`}>
                  Edit
                </button>
                <button className="btn btn-danger" type="button" onClick={() => void archive(v)} aria-label={`Archive ${v.name}`}>
                  Archive
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
