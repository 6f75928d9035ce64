// The verifier of an entry (quick log, shift): a name typed or picked from the saved verifiers
// (Sign-off page). A name that is a saved verifier is stored as that record, by id, and shown by
// its name; any other name stays free text (someone not saved as a verifier yet).
import { useState } from 'react';
import type { Verifier } from '../../../shared/ipc/verifiers';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Field } from '../ui';

/** The saved verifier this name means: the remembered record, or one whose name is typed exactly. */
export function matchVerifier(list: readonly Verifier[], typed: string, rememberedId: number | null): Verifier | undefined {
  if (rememberedId !== null) {
    const remembered = list.find((v) => v.id === rememberedId);
    if (remembered && remembered.name === typed) return remembered;
  }
  const t = typed.trim().toLowerCase();
  if (!t) return undefined;
  return list.find((v) => v.name.trim().toLowerCase() === t || `${v.name}, ${v.credentials}`.trim().toLowerCase() === t);
}

/** The typed name, the remembered record, and what a create call should send for them. */
export function useVerifierChoice() {
  const [name, setName] = useState('');
  const [rememberedId, setRememberedId] = useState<number | null>(null);
  const verifiers = useResult(() => api.verifiers.list(), []);
  const list = verifiers.value ?? [];
  const record = matchVerifier(list, name, rememberedId);
  return {
    name,
    list,
    record,
    /** From entries.memory: the last entry's verifier (a record when it was one). */
    remember: (m: { verifierId: number | null; verifierName: string | null }) => {
      setName(m.verifierName ?? '');
      setRememberedId(m.verifierId);
    },
    type: (text: string) => {
      setName(text);
      setRememberedId(null);
    },
    input: () => ({ verifierId: record?.id ?? null, verifierName: record ? null : name || null }),
  };
}

export function VerifierField(props: { label: string; choice: ReturnType<typeof useVerifierChoice>; error?: string | undefined; grow?: boolean; placeholder?: string }) {
  const { choice } = props;
  return (
    <Field
      label={props.label}
      error={props.error}
      grow={props.grow}
      hint={choice.record ? `Saved verifier${choice.record.credentials ? ` (${choice.record.credentials})` : ''}` : undefined}
    >
      {(id, d) => (
        <>
          <input
            id={id}
            list={`${id}-records`}
            value={choice.name}
            aria-invalid={Boolean(props.error)}
            aria-describedby={d}
            onChange={(e) => choice.type(e.target.value)}
            placeholder={props.placeholder}
          />
          <datalist id={`${id}-records`}>
            {choice.list.map((v) => (
              <option key={v.id} value={v.name}>
                {v.credentials}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
