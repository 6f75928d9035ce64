// Add or edit one structured-education activity. Enter saves (it is a form), Escape cancels an edit;
// errors appear at the field they concern and nothing typed is lost.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { localIsoDate } from '../../../shared/dates';
import type { EducationCategoryOption } from '../../../shared/education/summary';
import type { EducationActivityView } from '../../../shared/ipc/education';
import type { AttachmentUpload } from '../../../shared/ipc/compliance';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { readPickedFile } from '../sites/files';
import { Banner, Field, fieldErrors, FormFooter } from '../ui';

export function ActivityForm(props: {
  trackId: number;
  categories: EducationCategoryOption[];
  editing?: EducationActivityView | undefined;
  onSaved: (saved: { id: number; title: string }, before: EducationActivityView | undefined) => void;
  onCancel?: (() => void) | undefined;
}) {
  const e0 = props.editing;
  const [completedOn, setCompletedOn] = useState(e0?.completedOn ?? localIsoDate(new Date()));
  const [title, setTitle] = useState(e0?.title ?? '');
  const [provider, setProvider] = useState(e0?.provider ?? '');
  const [credits, setCredits] = useState(e0 ? String(e0.credits) : '');
  const [categoryKey, setCategoryKey] = useState(e0?.categoryKey ?? props.categories[0]?.key ?? '');
  const [upload, setUpload] = useState<AttachmentUpload | null>(null);
  const [removeAttachment, setRemoveAttachment] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (e0) titleRef.current?.focus();
  }, [e0]);
  useEffect(() => {
    if (!props.categories.some((c) => c.key === categoryKey)) setCategoryKey(props.categories[0]?.key ?? '');
  }, [props.categories, categoryKey]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fileError) return;
    setBusy(true);
    const fields = { completedOn, title, provider, credits: Number(credits.replace(',', '.')), categoryKey, attachment: upload };
    const r = e0
      ? await api.education.update({ ...fields, id: e0.id, removeAttachment: removeAttachment && !upload })
      : await api.education.create({ ...fields, trackId: props.trackId });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setWarning(r.value.warnings.join(' ') || null);
    if (!e0) {
      // Ready for the next one: keep the date and provider (often the same course series).
      setTitle('');
      setCredits('');
      setUpload(null);
      if (fileRef.current) fileRef.current.value = '';
      titleRef.current?.focus();
    }
    props.onSaved({ id: r.value.id, title: r.value.title }, e0);
  }

  async function pick(file: File | undefined) {
    setFileError(null);
    setUpload(null);
    if (!file) return;
    const picked = await readPickedFile(file);
    if (picked.ok) setUpload(picked.upload);
    else setFileError(picked.message);
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape' && props.onCancel) {
      e.preventDefault();
      props.onCancel();
    }
  }

  const errors = fieldErrors(error);
  const creditsError = errors.credits ?? (credits !== '' && !Number.isFinite(Number(credits.replace(',', '.'))) ? 'Enter the CE credits as a number.' : undefined);
  return (
    <form className="stack edu-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} aria-label={e0 ? `Edit ${e0.title}` : 'Record an activity'}>
      <div className="row">
        <Field label="Completed on" error={errors.completedOn}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" value={completedOn} required onChange={(e) => setCompletedOn(e.target.value)} aria-invalid={Boolean(errors.completedOn)} />}
        </Field>
        <Field label="Title" grow error={errors.title}>
          {(id, d) => (
            <input id={id} ref={titleRef} aria-describedby={d} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Course, module or article" aria-invalid={Boolean(errors.title)} />
          )}
        </Field>
        <Field label="Provider" error={errors.provider}>
          {(id, d) => <input id={id} aria-describedby={d} value={provider} onChange={(e) => setProvider(e.target.value)} placeholder="e.g. ASRT" />}
        </Field>
      </div>
      <div className="row">
        <Field label="CE credits" error={creditsError} hint="Quarter credit = 12, semester credit = 16.">
          {(id, d) => (
            <input id={id} aria-describedby={d} inputMode="decimal" value={credits} onChange={(e) => setCredits(e.target.value)} className="edu-credits" aria-invalid={Boolean(creditsError)} />
          )}
        </Field>
        <Field label="Content category" error={errors.categoryKey}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={categoryKey} onChange={(e) => setCategoryKey(e.target.value)} aria-invalid={Boolean(errors.categoryKey)}>
              {props.categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Certificate (optional)" error={fileError ?? errors.attachment} hint="PDF, PNG or JPEG; checked by its content.">
          {(id, d) => <input id={id} ref={fileRef} aria-describedby={d} type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" onChange={(e) => void pick(e.target.files?.[0])} />}
        </Field>
        {e0?.attachment && !upload ? (
          <label className="edu-inline">
            <input type="checkbox" checked={removeAttachment} onChange={(e) => setRemoveAttachment(e.target.checked)} /> Remove {e0.attachment.originalName}
          </label>
        ) : null}
      </div>
      {warning ? <Banner tone="warn">{warning}</Banner> : null}
      <FormFooter error={error} submitLabel={e0 ? 'Save changes' : 'Record activity'} busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
