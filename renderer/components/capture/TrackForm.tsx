// Create or edit a track. The first launch shows it as a short walk-through: what the credential
// is, when the clock starts, and the dates that change what counts.
import { useState, type FormEvent } from 'react';
import type { CatalogListing, CatalogSummary } from '../../../shared/ipc/catalogs';
import { localIsoDate } from '../../../shared/dates';
import { DISCIPLINES, type DisciplineCode } from '../../../shared/disciplines';
import type { Track } from '../../../shared/domain';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, Field, fieldErrors, useToast } from '../ui';
import { useReturnFocus } from '../Dialog';

/** '' = no catalog chosen: the track follows the current shipped ARRT version for its start date. */
type CatalogChoice = string;
const choiceOf = (s: CatalogSummary): CatalogChoice => (s.origin === 'saved' ? `saved:${s.id}` : `builtin:${s.key}`);

function catalogRef(choice: CatalogChoice): { id: number } | { key: string } {
  const [origin, value = ''] = choice.split(/:(.*)/);
  return origin === 'saved' ? { id: Number(value) } : { key: value };
}

/** Catalogs a track of this discipline may use: its ARRT versions, custom ones, the example. */
function catalogsFor(listing: CatalogListing | undefined, discipline: DisciplineCode): CatalogSummary[] {
  if (!listing) return [];
  const fits = (c: CatalogSummary) => c.discipline === discipline || c.discipline === 'CUSTOM';
  return [...listing.saved.filter((c) => c.latest && fits(c)), ...listing.builtin.filter(fits)];
}

function catalogLabel(c: CatalogSummary): string {
  const procedures = c.procedureCount > 0 ? `${c.procedureCount} procedures` : 'procedures not filled in yet';
  const origin = c.origin === 'saved' ? `saved rev. ${c.revision}` : 'shipped';
  return `${c.title} · ${c.versionLabel} · ${procedures} (${origin})${c.label ? ` — ${c.label}` : ''}`;
}

export function TrackForm(props: { track?: Track; first?: boolean; onSaved: (t: Track) => void; onCancel?: () => void }) {
  useReturnFocus(props.onCancel !== undefined);
  const t = props.track;
  const [discipline, setDiscipline] = useState<DisciplineCode>(t?.discipline ?? 'CT');
  const [name, setName] = useState(t?.name ?? '');
  const [startDate, setStartDate] = useState(t?.startDate ?? localIsoDate(new Date()));
  const [supportingCredential, setSupportingCredential] = useState(t?.supportingCredential ?? '');
  const [plannedApplicationDate, setPlanned] = useState(t?.plannedApplicationDate ?? '');
  const [examWindowAssignedOn, setExamWindow] = useState(t?.examWindowAssignedOn ?? '');
  const [mqsaQualifiedOn, setMqsa] = useState(t?.mqsaQualifiedOn ?? '');
  const [catalogChoice, setCatalogChoice] = useState<CatalogChoice>(t?.catalogId ? `saved:${t.catalogId}` : '');
  const [error, setError] = useState<AppError | null>(null);
  const catalogs = useResult(() => api.catalogs.list(), []);
  const toast = useToast();
  const errors = fieldErrors(error);
  const choices = catalogsFor(catalogs.value, discipline);
  const chosen = choices.find((c) => choiceOf(c) === catalogChoice);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields = {
      discipline,
      name: name.trim() || undefined,
      startDate,
      supportingCredential: supportingCredential || null,
      plannedApplicationDate: plannedApplicationDate || null,
      examWindowAssignedOn: examWindowAssignedOn || null,
      mqsaQualifiedOn: discipline === 'M' ? mqsaQualifiedOn || null : null,
    };
    const r = t ? await api.tracks.update({ id: t.id, ...fields }) : await api.tracks.create(fields);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    let track = r.value;
    const current = track.catalogId ? `saved:${track.catalogId}` : '';
    if (catalogChoice && catalogChoice !== current) {
      // The catalog is set through catalogs.assign, which applies ARRT's version rules.
      const a = await api.catalogs.assign({ trackId: track.id, catalog: catalogRef(catalogChoice) });
      if (!a.ok) {
        const message = a.error.issues?.[0]?.message ?? a.error.message;
        if (t) {
          setError({ kind: 'validation', message, issues: [{ path: 'catalog', message }] });
          return;
        }
        // The new track stands on its own; say why its catalog was not set.
        toast(`Track created, but its catalog was not set: ${message}`);
      } else track = a.value;
    }
    setError(null);
    props.onSaved(track);
  }

  const dateField = (label: string, value: string, set: (v: string) => void, key: string, hint?: string) => (
    <Field label={label} error={errors[key]} hint={hint}>
      {(id, d) => <input id={id} type="date" value={value} aria-invalid={Boolean(errors[key])} aria-describedby={d} onChange={(e) => set(e.target.value)} />}
    </Field>
  );

  return (
    <form className={props.first ? 'card track-form first-run' : 'stack track-form'} onSubmit={(e) => void submit(e)} aria-label={t ? 'Edit track' : 'New track'} noValidate>
      {props.first ? (
        <>
          <h2 className="card-title">Start your first track</h2>
          <p className="muted">
            A track is one ARRT post-primary credential you are working toward, such as CT or MRI. You can add more tracks
            later and log them side by side.
          </p>
        </>
      ) : null}
      <fieldset className="form-step">
        <legend>{props.first ? '1. The credential' : 'Credential'}</legend>
        <div className="row">
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
          <Field label="Track name (optional)" error={errors.name} grow>
            {(id, d) => <input id={id} value={name} aria-describedby={d} onChange={(e) => setName(e.target.value)} placeholder={DISCIPLINES.find((x) => x.code === discipline)?.name} />}
          </Field>
          <Field label="Supporting credential" error={errors.supportingCredential} hint="Your primary credential, e.g. R.T.(R)">
            {(id, d) => <input id={id} value={supportingCredential} aria-describedby={d} onChange={(e) => setSupportingCredential(e.target.value)} />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="form-step">
        <legend>{props.first ? '2. The dates that decide what counts' : 'Dates'}</legend>
        <div className="row">
          {dateField('Start date', startDate, setStartDate, 'startDate', 'Entries before it are refused.')}
          {dateField('Planned application date', plannedApplicationDate, setPlanned, 'plannedApplicationDate', 'Entries older than 24 months before it expire.')}
          {dateField('Exam window assigned on', examWindowAssignedOn, setExamWindow, 'examWindowAssignedOn', 'From then on nothing expires further; entries already outside the 24-month window on your application date (or, if not set, on this date) stay expired.')}
          {discipline === 'M' ? dateField('MQSA qualified on', mqsaQualifiedOn, setMqsa, 'mqsaQualifiedOn', 'ARRT (2025 version): be MQSA compliant before submitting procedures.') : null}
        </div>
      </fieldset>
      <fieldset className="form-step">
        <legend>{props.first ? '3. The requirement catalog' : 'Requirement catalog'}</legend>
        <Field
          label="Catalog"
          error={errors.catalog}
          hint={
            chosen && chosen.procedureCount > 0 ? (
              <>Entries on this track must be one of its {chosen.procedureCount} procedures.</>
            ) : (
              <>
                ARRT&apos;s procedure lists are not shipped (no source could be transcribed). Fill them from your ARRT worksheet
                in the <a href="#/catalogs">requirements editor</a>, or pick a custom list. Until then any procedure name is
                accepted.
              </>
            )
          }
        >
          {(id, d) => (
            <select id={id} value={catalogChoice} aria-describedby={d} onChange={(e) => setCatalogChoice(e.target.value)}>
              <option value="">Current ARRT version for the start date (automatic)</option>
              {choices.map((c) => (
                <option key={choiceOf(c)} value={choiceOf(c)}>
                  {catalogLabel(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <div className="row">
        <button className="btn btn-primary" type="submit">
          {t ? 'Save track' : 'Create track'}
        </button>
        {props.onCancel ? (
          <button className="btn" type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {error && !error.issues ? <Banner tone="error">{error.message}</Banner> : null}
    </form>
  );
}
