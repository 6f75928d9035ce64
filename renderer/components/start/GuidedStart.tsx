// The guided start a new user sees on Today while there is no track: 1. the credential and the
// start date (with the 24-month window explained, so past procedures are covered), 2. get the
// requirements in (the worksheet file, a paste, a catalog file someone shared, or later), 3. log
// the first procedure. Each step says what it is for; nothing needs knowledge from elsewhere.
import { subMonths } from 'date-fns';
import { useRef, useState, type FormEvent } from 'react';
import { localIsoDate } from '../../../shared/dates';
import { DISCIPLINES, type DisciplineCode } from '../../../shared/disciplines';
import type { Track } from '../../../shared/domain';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { requestCatalog } from '../catalogs/CatalogLink';
import { readWorksheetFile, setPendingWorksheet, WORKSHEET_ACCEPT } from '../catalogs/worksheet';
import { Banner, Field, fieldErrors } from '../ui';

type Step = 1 | 2 | 3;

function Steps({ step }: { step: Step }) {
  const names = ['Credential and start date', 'Requirements', 'First procedure'];
  return (
    <ol className="start-steps" aria-label="Steps">
      {names.map((n, i) => (
        <li key={n} aria-current={step === i + 1 ? 'step' : undefined} className={step > i + 1 ? 'done' : step === i + 1 ? 'current' : ''}>
          <span className="start-step-no" aria-hidden="true">
            {step > i + 1 ? '✓' : i + 1}
          </span>
          {n}
          {step > i + 1 ? <span className="visually-hidden"> (done)</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function GuidedStart(props: { onTrackCreated: () => void }) {
  const [step, setStep] = useState<Step>(1);
  const [track, setTrack] = useState<Track | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <section className="card start-card" aria-labelledby="start-title">
      <h2 id="start-title" className="card-title start-title">
        Welcome to RadLedger — let’s set up your log
      </h2>
      <Steps step={step} />
      {step === 1 ? (
        <TrackStep
          onCreated={(t) => {
            setTrack(t);
            setStep(2);
            props.onTrackCreated();
          }}
        />
      ) : null}
      {step === 2 && track ? (
        <RequirementsStep
          track={track}
          onDone={(message) => {
            setDone(message);
            setStep(3);
          }}
        />
      ) : null}
      {step === 3 && track ? <FirstProcedureStep track={track} message={done} /> : null}
    </section>
  );
}

function TrackStep(props: { onCreated: (t: Track) => void }) {
  const today = localIsoDate(new Date());
  const [discipline, setDiscipline] = useState<DisciplineCode>('CT');
  const [startDate, setStartDate] = useState(today);
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrors(error);
  const twoYearsAgo = localIsoDate(subMonths(new Date(), 24));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const r = await api.tracks.create({ discipline, startDate, name: name.trim() || undefined });
    setSaving(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    props.onCreated(r.value);
  }

  return (
    <form className="stack start-step" onSubmit={(e) => void submit(e)} aria-label="Step 1: your credential" noValidate>
      <h3 className="start-step-title">1. Which credential, and since when?</h3>
      <p className="muted">
        A <strong>track</strong> is one ARRT post-primary credential you are working toward. You can add more tracks later.
      </p>
      <div className="row top">
        <Field label="Discipline" error={errors.discipline}>
          {(id, d) => (
            <select id={id} value={discipline} aria-describedby={d} onChange={(e) => setDiscipline(e.target.value as DisciplineCode)}>
              {DISCIPLINES.map((x) => (
                <option key={x.code} value={x.code}>
                  {x.name} ({x.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Start date" error={errors.startDate} hint={<>Entries before this date cannot be logged on the track.</>}>
          {(id, d) => (
            <input id={id} type="date" value={startDate} max={today} aria-invalid={Boolean(errors.startDate)} aria-describedby={d} onChange={(e) => setStartDate(e.target.value)} />
          )}
        </Field>
        <Field label="Track name (optional)" grow>
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} placeholder={DISCIPLINES.find((x) => x.code === discipline)?.name} />}
        </Field>
      </div>
      <div className="start-explain" id="start-window-explain">
        <p>
          <strong>Which start date?</strong> ARRT counts procedures you performed in the <strong>24 months before you apply</strong>. If you have
          already performed procedures you want to log, pick a date on or before the first of them — they cannot be logged before the start date.
          Going back more than 24 months gains nothing: those procedures have left the window.
        </p>
        <button type="button" className="btn-link" onClick={() => setStartDate(twoYearsAgo)}>
          Use 24 months ago ({twoYearsAgo})
        </button>
      </div>
      {error && !error.issues ? <Banner tone="error">{error.message}</Banner> : null}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create the track and continue'}
        </button>
      </div>
    </form>
  );
}

function RequirementsStep(props: { track: Track; onDone: (message: string | null) => void }) {
  const { track } = props;
  const worksheetRef = useRef<HTMLInputElement>(null);
  const catalogRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'worksheet' | 'catalog' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const discipline = DISCIPLINES.find((d) => d.code === track.discipline)?.name ?? track.discipline;

  function openEditor() {
    requestCatalog({ trackId: track.id });
    window.location.hash = '/catalogs';
  }

  async function onWorksheet(file: File | undefined) {
    if (!file) return;
    setBusy('worksheet');
    setError(null);
    const r = await readWorksheetFile(file);
    setBusy(null);
    if (worksheetRef.current) worksheetRef.current.value = '';
    if (!r.ok) {
      setError(`“${file.name}”: ${r.error.message}`);
      return;
    }
    setPendingWorksheet({ fileName: file.name, read: r.value });
    openEditor();
  }

  async function onCatalog(file: File | undefined) {
    if (!file) return;
    setBusy('catalog');
    setError(null);
    const text = await file.text();
    const r = await api.catalogs.import({ text, fileName: file.name, trackId: track.id });
    setBusy(null);
    if (catalogRef.current) catalogRef.current.value = '';
    if (!r.ok) {
      setError(`“${file.name}” was not imported: ${r.error.message}`);
      return;
    }
    props.onDone(`Imported “${r.value.summary.title}”. ${r.value.assignment?.message ?? ''}`);
  }

  return (
    <div className="stack start-step" role="group" aria-labelledby="start-req-title">
      <h3 className="start-step-title" id="start-req-title">
        2. Get your requirements in
      </h3>
      <p>
        Track <strong>{track.name}</strong> is created. To say what is still missing, RadLedger needs ARRT’s procedure list for {discipline} with the
        repetitions each needs. It is on your ARRT clinical experience worksheet; it is not shipped with the app. Bring it in once:
      </p>
      <input ref={worksheetRef} type="file" accept={WORKSHEET_ACCEPT} className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onWorksheet(e.target.files?.[0])} />
      <input ref={catalogRef} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onCatalog(e.target.files?.[0])} />
      <ul className="start-choices">
        <li>
          <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => worksheetRef.current?.click()}>
            {busy === 'worksheet' ? 'Reading the worksheet…' : 'Import the worksheet file'}
          </button>
          <span className="small muted">A PDF, CSV or XLSX. You check what was read before anything is saved.</span>
        </li>
        <li>
          <button type="button" className="btn" disabled={busy !== null} onClick={openEditor}>
            Paste the table from the worksheet
          </button>
          <span className="small muted">Copy the procedure table from the PDF or a spreadsheet; scanned worksheets can be typed in.</span>
        </li>
        <li>
          <button type="button" className="btn" disabled={busy !== null} onClick={() => catalogRef.current?.click()}>
            {busy === 'catalog' ? 'Importing…' : 'Import a catalog file someone shared'}
          </button>
          <span className="small muted">A .json catalog exported from RadLedger. It is marked “Not verified by RadLedger”.</span>
        </li>
        <li>
          <button type="button" className="btn-link" disabled={busy !== null} onClick={() => props.onDone(null)}>
            Later — log first, fill the requirements afterwards
          </button>
        </li>
      </ul>
      {error ? (
        <Banner tone="error">
          {error}
        </Banner>
      ) : null}
    </div>
  );
}

function FirstProcedureStep(props: { track: Track; message: string | null }) {
  return (
    <div className="stack start-step" role="group" aria-labelledby="start-log-title">
      <h3 className="start-step-title" id="start-log-title">
        3. Log your first procedure
      </h3>
      {props.message ? <Banner tone="ok">{props.message}</Banner> : null}
      <p>
        Log each procedure on the day you perform it: the procedure, the site and who verified it. Your progress and what is missing appear under
        Progress.
      </p>
      <div className="row">
        <a className="btn btn-primary" href="#/log">
          Go to the Log
        </a>
      </div>
    </div>
  );
}
