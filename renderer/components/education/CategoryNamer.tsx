// For a discipline whose content categories RadLedger does not know: the user names them from
// ARRT's content specification for that discipline, one per line.
import { useState, type FormEvent } from 'react';
import type { EducationCategoryOption } from '../../../shared/education/summary';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Field, fieldErrors, FormFooter } from '../ui';

export function CategoryNamer(props: { trackId: number; categories: EducationCategoryOption[]; onSaved: () => void; onCancel?: () => void }) {
  const [text, setText] = useState(props.categories.map((c) => c.name).join('\n'));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const names = text.split('\n').map((n) => n.trim()).filter(Boolean);
    const r = await api.education.setCategories({ trackId: props.trackId, names });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    props.onSaved();
  }
  const errors = fieldErrors(error);
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label="Content categories">
      <p className="small">
        RadLedger does not know this discipline’s content categories. Copy the major categories from ARRT’s content specification for your discipline
        (the document you study from), one per line. They are marked as yours, not as ARRT’s.
      </p>
      <Field label="Content categories (one per line)" error={errors.names ?? errors['names.0']} hint="e.g. the section titles of the content specification">
        {(id, describedBy) => (
          <textarea id={id} aria-describedby={describedBy} rows={5} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={Boolean(errors.names)} />
        )}
      </Field>
      <FormFooter error={error} submitLabel="Save categories" busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
