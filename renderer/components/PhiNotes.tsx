// A notes field guarded against patient identifiers, for every free-text note in the app (log
// entries, sites, wallet items): the warning appears at the field while the user types, names what
// looks like PHI, and offers to remove it. It never blocks on its own; the form decides whether to
// ask before saving.
import { useMemo, type KeyboardEvent, type Ref } from 'react';
import { detectPhi, phiWarningMessage, redactPhi, type PhiFinding, type PhiProfile } from '../../shared/phi';
import { NOTES_MAX } from '../../shared/ipc/entries';
import { Field } from './ui';

export function usePhiFindings(text: string, profile: PhiProfile = 'patient-note') {
  return useMemo(() => detectPhi(text, profile), [text, profile]);
}

/** The warning under a field whose text looks like it holds a patient identifier, with "Remove them". */
export function PhiHint(props: { findings: readonly PhiFinding[]; onRemove: () => void }) {
  return (
    <span className="phi-warning" role="status" data-testid="phi-warning">
      <span>
        {phiWarningMessage(props.findings)}{' '}
        <span className="muted">Flagged: {props.findings.map((f) => `“${f.text}”`).join(', ')}.</span>
      </span>
      <button type="button" className="btn btn-small" onClick={props.onRemove}>
        Remove them
      </button>
    </span>
  );
}

export function PhiNotes(props: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  label?: string;
  /** The field's length limit (default: the log's notes limit). */
  max?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** Which field this is (default: a procedure note); a site's own contact data is not a patient's. */
  profile?: PhiProfile;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
}) {
  const findings = usePhiFindings(props.value, props.profile);
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
          <PhiHint findings={findings} onRemove={() => props.onChange(redactPhi(props.value, undefined, props.profile))} />
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
