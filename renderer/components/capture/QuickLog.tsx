// The quick log: one keyboard-first form. Focus starts (and returns after each save) on the
// procedure field; date, site and verifier carry over from the last entry, so logging the next
// procedure is: a few letters, Enter to pick it, Enter to save.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { localIsoDate } from '../../../shared/dates';
import type { Track } from '../../../shared/domain';
import type { DayCount, EntryWarning, ProcedureOptions } from '../../../shared/ipc/entries';
import { redactPhi } from '../../../shared/phi';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { CatalogLink } from '../catalogs/CatalogLink';
import { Dialog } from '../Dialog';
import { Banner, Field, fieldErrors } from '../ui';
import { FREE_TEXT_LABEL, freeTextRefusal } from './free-text';
import { dayFeedback } from './day-feedback';
import { PhiNotes, usePhiFindings } from '../PhiNotes';
import { ProcedureCombobox } from './ProcedureCombobox';
import { RequirementHint } from './RequirementHint';
import type { OfferUndo } from './undo';
import { useVerifierChoice, VerifierField } from './VerifierField';

export function QuickLog(props: {
  track: Track;
  procedures: ProcedureOptions;
  version: number;
  onChanged: () => void;
  offerUndo: OfferUndo;
  /** The user chose to log this track without requirements (free text); see free-text.ts. */
  freeTextAllowed: boolean;
  onAllowFreeText: (on: boolean) => void;
}) {
  const { track } = props;
  const noRequirements = !props.procedures.catalogHasProcedures;
  const [procedureName, setProcedureName] = useState('');
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [performedOn, setPerformedOn] = useState(() => localIsoDate(new Date()));
  const [performedAt, setPerformedAt] = useState('');
  const [siteName, setSiteName] = useState('');
  const verifier = useVerifierChoice();
  const [samePatient, setSamePatient] = useState(false);
  const [simulated, setSimulated] = useState(false);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [askPhi, setAskPhi] = useState(false);
  const [warnings, setWarnings] = useState<EntryWarning[]>([]);
  const [day, setDay] = useState<DayCount | null>(null);
  const [saving, setSaving] = useState(false);
  const procedureRef = useRef<HTMLInputElement>(null);
  const phiConfirmRef = useRef<HTMLButtonElement>(null);
  const errors = fieldErrors(error);
  const findings = usePhiFindings(notes);

  // Site and verifier are remembered from the track's last entry (stored in the database).
  useEffect(() => {
    let live = true;
    void api.entries.memory({ trackId: track.id }).then((r) => {
      if (!live || !r.ok) return;
      setSiteName(r.value.siteName ?? '');
      verifier.remember(r.value);
    });
    procedureRef.current?.focus();
    return () => {
      live = false;
    };
  }, [track.id]);

  // Live count for the chosen day, refreshed after every change to the log.
  useEffect(() => {
    let live = true;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(performedOn)) {
      setDay(null);
      return;
    }
    void api.entries.dayCount({ trackId: track.id, performedOn }).then((r) => {
      if (live) setDay(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [track.id, performedOn, props.version]);

  // After a save, the next entry starts at Procedure (an effect, so it runs after a closing dialog
  // has handed focus back).
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (focusTick > 0) procedureRef.current?.focus();
  }, [focusTick]);

  async function save(notesToSave: string) {
    setSaving(true);
    const r = await api.entries.create({
      trackId: track.id,
      performedOn,
      performedAt: performedAt || null,
      procedureName,
      procedureId,
      siteName: siteName || null,
      ...verifier.input(),
      samePatientAsPrevious: samePatient,
      simulated,
      notes: notesToSave,
    });
    setSaving(false);
    setAskPhi(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const saved = r.value;
    setError(null);
    setWarnings(saved.warnings.filter((w) => w.kind === 'over-daily-cap'));
    setProcedureName('');
    setProcedureId(null);
    setPerformedAt('');
    setSamePatient(false);
    setNotes('');
    props.offerUndo(`Logged ${saved.procedureName} on ${saved.performedOn}.`, {
      label: `logging ${saved.procedureName}`,
      run: async () => {
        await api.entries.delete({ ids: [saved.id] });
        props.onChanged();
      },
    });
    props.onChanged();
    setFocusTick((t) => t + 1);
  }

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (saving) return;
    if (noRequirements && !props.freeTextAllowed && procedureName.trim() !== '') {
      setError({ kind: 'validation', message: freeTextRefusal(), issues: [{ path: 'procedureName', message: freeTextRefusal() }] });
      procedureRef.current?.focus();
      return;
    }
    // The guard asks before saving notes that look like PHI; the backend warns again but saves.
    if (findings.length > 0 && !askPhi) {
      setAskPhi(true);
      return;
    }
    void save(notes);
  }

  // Enter on a checkbox saves too (browsers only submit from text fields); Ctrl+Enter from notes.
  function onFormKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter') return;
    if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      e.preventDefault();
      submit();
    } else if (target instanceof HTMLTextAreaElement && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  }

  const label = day ? dayFeedback(day) : null;

  return (
    <form className="card quick-log" onSubmit={submit} onKeyDown={onFormKeyDown} aria-label="Log a procedure" noValidate>
      <div className="quick-log-head">
        <h2 className="card-title">Log a procedure</h2>
        <span className="muted small">
          <kbd>Enter</kbd> saves · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes
        </span>
      </div>
      {noRequirements ? (
        <div className="banner banner-warn quick-log-empty" role="status" data-testid="no-requirements">
          <p>
            <strong>This track has no requirements yet.</strong> RadLedger cannot tell what an entry counts toward until the procedure list from
            your worksheet is in.
          </p>
          <div className="row">
            <CatalogLink trackId={track.id} className="btn btn-primary">
              Fill in the requirements
            </CatalogLink>
            <label className="check">
              <input
                type="checkbox"
                checked={props.freeTextAllowed}
                onChange={(e) => {
                  props.onAllowFreeText(e.target.checked);
                  setError(null);
                  procedureRef.current?.focus();
                }}
              />
              {FREE_TEXT_LABEL}
            </label>
          </div>
        </div>
      ) : null}
      <div className="row top">
        <Field
          label="Procedure"
          grow
          error={errors.procedureName}
          hint={
            props.procedures.catalogHasProcedures
              ? procedureHint(procedureName, procedureId, props.procedures.options)
              : 'Type a name; names you logged before are suggested.'
          }
        >
          {(id, d) => (
            <ProcedureCombobox
              id={id}
              describedBy={d}
              inputRef={procedureRef}
              value={procedureName}
              options={props.procedures.options}
              autoHighlight={props.procedures.catalogHasProcedures}
              invalid={Boolean(errors.procedureName)}
              placeholder="e.g. CT Head without contrast"
              onChange={(name, pid) => {
                setProcedureName(name);
                setProcedureId(pid);
              }}
            />
          )}
        </Field>
        <Field label="Site" error={errors.siteName}>
          {(id, d) => <input id={id} value={siteName} aria-invalid={Boolean(errors.siteName)} aria-describedby={d} onChange={(e) => setSiteName(e.target.value)} placeholder="e.g. Mercy General" />}
        </Field>
        <VerifierField label="Verifier" choice={verifier} error={errors.verifierName ?? errors.verifierId} placeholder="Name and credential" />
      </div>
      <div className="row">
        <Field label="Date performed" error={errors.performedOn}>
          {(id, d) => (
            <input id={id} type="date" value={performedOn} aria-invalid={Boolean(errors.performedOn)} aria-describedby={d} onChange={(e) => setPerformedOn(e.target.value)} />
          )}
        </Field>
        <Field label="Time (optional)" error={errors.performedAt}>
          {(id, d) => (
            <input id={id} type="time" value={performedAt} aria-invalid={Boolean(errors.performedAt)} aria-describedby={d} onChange={(e) => setPerformedAt(e.target.value)} />
          )}
        </Field>
        <div className="checks">
          <label className="check">
            <input type="checkbox" checked={samePatient} onChange={(e) => setSamePatient(e.target.checked)} />
            Same patient as previous
          </label>
          <label className="check">
            <input type="checkbox" checked={simulated} onChange={(e) => setSimulated(e.target.checked)} />
            Simulated
          </label>
        </div>
        <div className="feedback">
          {label ? (
            <p className={`day-feedback${label.over ? ' over' : ''}`} role="status" data-testid="day-feedback">
              {label.text}
            </p>
          ) : null}
          <RequirementHint trackId={track.id} procedureId={procedureId} version={props.version} enabled={props.procedures.catalogHasProcedures} />
        </div>
      </div>
      <PhiNotes value={notes} onChange={setNotes} error={errors.notes} />
      {askPhi ? (
        <Dialog
          variant="modal"
          role="alertdialog"
          className="dialog-warn"
          title="Notes may identify a patient"
          description={<p>The notes may identify a patient. Remove the flagged text before saving?</p>}
          initialFocus={phiConfirmRef}
          onClose={() => setAskPhi(false)}
        >
          <div className="row">
            <button type="button" className="btn btn-primary" ref={phiConfirmRef} onClick={() => void save(redactPhi(notes))}>
              Remove them and save
            </button>
            <button type="button" className="btn" onClick={() => void save(notes)}>
              Save as typed
            </button>
            <button type="button" className="btn" onClick={() => setAskPhi(false)}>
              Go back to the notes
            </button>
          </div>
        </Dialog>
      ) : null}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={saving}>
          Save entry
        </button>
        {noRequirements && props.freeTextAllowed ? <span className="muted small">No requirements yet: names are kept as typed.</span> : null}
      </div>
      {error && !error.issues ? <Banner tone="error">{error.message}</Banner> : null}
      {warnings.map((w) => (
        <Banner tone="warn" key={w.kind}>
          {w.message}
        </Banner>
      ))}
    </form>
  );
}

/** The field's hint: how to search, or that a typed name is not in the list (kept as free text). */
function procedureHint(name: string, id: string | null, options: ProcedureOptions['options']): string {
  const typed = name.trim().toLowerCase();
  if (!typed || id !== null || options.some((o) => o.name.toLowerCase() === typed)) return 'Type to search this track’s catalog.';
  return 'Not in this track’s list: pick one, or it is saved as typed (where the list is complete, it is refused).';
}
