// A notes field guarded against patient identifiers, for every free-text note in the app (log
// entries, sites, wallet items): the warning appears at the field while the user types, names what
// looks like PHI, and offers to remove it. It never blocks on its own; the form decides whether to
// ask before saving.
import { useMemo, type KeyboardEvent, type Ref } from 'react';
import { detectPhi, phiWarningMessage, redactPhi } from '../../shared/phi';
import { NOTES_MAX } from '../../shared/ipc/entries';
import { Field } from './ui';

export function usePhiFindings(text: string) {
  return useMemo(() => detectPhi(text), [text]);
}

export function PhiNotes(props: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  label?: string;
  /** The field's length limit (default: the log's notes limit). */
  max?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
}) {
  const findings = usePhiFindings(props.value);
  const max = props.max ?? NOTES_MAX;
  const over = props.value.length > max;
  return (
    <Field
      label={props.label ?? 'Notes'}
      error={props.error ?? (over ? `Keep notes under ${max} characters (${props.value.length} now).` : undefined)}
      hint={
        findings.length === 0 ? (
          'No patient names, record numbers or dates of birth.'
        ) : (
          <span className="phi-warning" role="status" data-testid="phi-warning">
            <span>
              {phiWarningMessage(findings)}{' '}
              <span className="muted">Flagged: {findings.map((f) => `“${f.text}”`).join(', ')}.</span>
            </span>
            <button type="button" className="btn btn-small" onClick={() => props.onChange(redactPhi(props.value))}>
              Remove them
            </button>
          </span>
        )
      }
    >
      {(id, describedBy) => (
        <textarea
          id={id}
          ref={props.textareaRef}
          value={props.value}
          aria-describedby={describedBy}
          aria-invalid={over || Boolean(props.error)}
          className={findings.length ? 'phi-flagged' : undefined}
          onChange={(e) => props.onChange(e.target.value)}
          onKeyDown={props.onKeyDown}
          rows={2}
        />
      )}
    </Field>
  );
}
