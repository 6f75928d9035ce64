// Add or edit one wallet item, with its document picked from disk and checked by content at once.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { AttachmentUpload } from '../../../shared/ipc/compliance';
import type { AppError } from '../../../shared/result';
import { formatBytes } from '../../../shared/sites/attachment-check';
import { inferComplianceKind } from '../../../shared/sites/kinds';
import {
  COMPLIANCE_KIND_LABELS,
  COMPLIANCE_KIND_ORDER,
  HIPAA_SOURCE_LABELS,
  HIPAA_SOURCES,
  INSURANCE_COVERAGE_LABELS,
  INSURANCE_COVERAGES,
  LABELLED_KINDS,
  type ComplianceItem,
  type ComplianceKind,
  type HipaaSource,
  type InsuranceCoverage,
} from '../../../shared/sites/types';
import { api } from '../../api';
import { PhiNotes } from '../PhiNotes';
import { Field, fieldErrors, FormFooter } from '../ui';
import { readPickedFile } from './files';

/** "attachment.dataBase64" and "attachment.name" belong to the file field. */
function errorsByField(error: AppError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(error))) {
    const key = path.startsWith('attachment') ? 'attachment' : path;
    out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}

export function ComplianceItemForm(props: { item?: ComplianceItem; onSaved: (item: ComplianceItem) => void; onCancel?: () => void }) {
  const it = props.item;
  const [kind, setKind] = useState<ComplianceKind>(it?.kind ?? 'hipaa');
  const [label, setLabel] = useState(it?.label ?? '');
  const [issuedOn, setIssuedOn] = useState(it?.issuedOn ?? '');
  const [expiresOn, setExpiresOn] = useState(it?.expiresOn ?? '');
  const [hipaaSource, setHipaaSource] = useState<HipaaSource | ''>(it?.hipaaSource ?? '');
  const [coverage, setCoverage] = useState<InsuranceCoverage | ''>(it?.insuranceCoverage ?? '');
  const [insurer, setInsurer] = useState(it?.insurer ?? '');
  const [policyNumber, setPolicyNumber] = useState(it?.policyNumber ?? '');
  const [notes, setNotes] = useState(it?.notes ?? '');
  const [upload, setUpload] = useState<{ file: AttachmentUpload; size: number } | null>(null);
  const [removeAttachment, setRemoveAttachment] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const errors = errorsByField(error);
  const hintId = useId();
  const needsLabel = LABELLED_KINDS.includes(kind);
  // "Influenza 2026-27" typed under a generic kind: offer the specific one.
  const suggested = inferComplianceKind(kind, label);

  async function pick(file: File | undefined) {
    setUpload(null);
    if (!file) return;
    const picked = await readPickedFile(file);
    if (!picked.ok) {
      setError({ kind: 'validation', message: picked.message, issues: [{ path: 'attachment', message: picked.message }] });
      if (fileRef.current) fileRef.current.value = '';
      return;
    }
    setError(null);
    setUpload({ file: picked.upload, size: picked.sizeBytes });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields = {
      kind,
      label,
      issuedOn: issuedOn || null,
      expiresOn: expiresOn || null,
      hipaaSource: hipaaSource || null,
      insuranceCoverage: coverage || null,
      insurer,
      policyNumber,
      notes,
      attachment: upload?.file ?? null,
    };
    setBusy(true);
    const r = it ? await api.compliance.update({ id: it.id, ...fields, removeAttachment }) : await api.compliance.create(fields);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    props.onSaved(r.value);
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label={it ? 'Edit wallet item' : 'New wallet item'} noValidate>
      <div className="row">
        <Field label="Item">
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as ComplianceKind)}>
              {COMPLIANCE_KIND_ORDER.map((k) => (
                <option key={k} value={k}>
                  {COMPLIANCE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={needsLabel ? 'Name of the item' : kind === 'immunization' ? 'Which vaccines (optional)' : 'Name (optional)'} error={errors.label} grow>
          {(id, d) => (
            <input id={id} value={label} aria-invalid={Boolean(errors.label)} aria-describedby={d} onChange={(e) => setLabel(e.target.value)} placeholder={kind === 'flu-vaccination' ? 'e.g. Influenza 2026-27' : kind === 'tb-test' ? 'e.g. QuantiFERON' : ''} />
          )}
        </Field>
        <Field label="Issued on" error={errors.issuedOn}>
          {(id, d) => <input id={id} type="date" value={issuedOn} aria-invalid={Boolean(errors.issuedOn)} aria-describedby={d} onChange={(e) => setIssuedOn(e.target.value)} />}
        </Field>
        <Field label="Expires on" error={errors.expiresOn} hint="Leave empty if it does not expire.">
          {(id, d) => <input id={id} type="date" value={expiresOn} aria-invalid={Boolean(errors.expiresOn)} aria-describedby={d} onChange={(e) => setExpiresOn(e.target.value)} />}
        </Field>
      </div>
      {suggested !== kind ? (
        <p className="small" role="status">
          “{label}” looks like a {COMPLIANCE_KIND_LABELS[suggested].toLowerCase()}, which sites ask for by that kind.{' '}
          <button className="btn-link" type="button" onClick={() => setKind(suggested)}>
            Make it a {COMPLIANCE_KIND_LABELS[suggested]}
          </button>
        </p>
      ) : null}
      {kind === 'hipaa' ? (
        <div className="row">
          <Field label="Training came from">
            {(id) => (
              <select id={id} value={hipaaSource} onChange={(e) => setHipaaSource(e.target.value as HipaaSource | '')}>
                <option value="">Not set</option>
                {HIPAA_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {HIPAA_SOURCE_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : null}
      {kind === 'liability-insurance' ? (
        <div className="row">
          <Field label="Coverage">
            {(id) => (
              <select id={id} value={coverage} onChange={(e) => setCoverage(e.target.value as InsuranceCoverage | '')}>
                <option value="">Not set</option>
                {INSURANCE_COVERAGES.map((c) => (
                  <option key={c} value={c}>
                    {INSURANCE_COVERAGE_LABELS[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Insurer" error={errors.insurer}>
            {(id, d) => <input id={id} value={insurer} aria-describedby={d} onChange={(e) => setInsurer(e.target.value)} />}
          </Field>
          <Field label="Policy number" error={errors.policyNumber}>
            {(id, d) => <input id={id} value={policyNumber} aria-describedby={d} onChange={(e) => setPolicyNumber(e.target.value)} />}
          </Field>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${hintId}-file`}>Document (PDF, PNG or JPEG, up to 10 MB)</label>
        <input
          ref={fileRef}
          id={`${hintId}-file`}
          type="file"
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          aria-invalid={Boolean(errors.attachment)}
          aria-describedby={errors.attachment ? `${hintId}-file-err` : `${hintId}-file-hint`}
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        <span className="hint" id={`${hintId}-file-hint`}>
          {upload
            ? `Ready: ${upload.file.name} (${formatBytes(upload.size)}).`
            : it?.attachment && !removeAttachment
              ? `Attached: ${it.attachment.originalName}. Pick a file to replace it.`
              : 'The file is copied into RadLedger’s data folder; the type is checked from its content.'}
        </span>
        {errors.attachment ? (
          <span className="error" id={`${hintId}-file-err`} role="alert">
            {errors.attachment}
          </span>
        ) : null}
        {it?.attachment && !upload ? (
          <label className="site-check">
            <input type="checkbox" checked={removeAttachment} onChange={(e) => setRemoveAttachment(e.target.checked)} /> Remove the attached document
          </label>
        ) : null}
      </div>
      <PhiNotes value={notes} onChange={setNotes} error={errors.notes} max={1000} />
      <FormFooter error={error} submitLabel={it ? 'Save item' : 'Add to wallet'} busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
