import type { EntrySignState, EntrySignStates } from '../../../shared/ipc/signoff';
import { SIGN_STATE_LABELS, signStateTone } from './format';

export function SignStateBadge(props: { state: EntrySignState }) {
  return <span className={`badge badge-${signStateTone(props.state)}`}>{SIGN_STATE_LABELS[props.state]}</span>;
}

/** How much of a track is covered by signatures: counts per state, in words and badges. */
export function SignCoverage(props: { data: EntrySignStates }) {
  const total = Object.keys(props.data.statuses).length;
  const counts: Record<EntrySignState, number> = { unsigned: 0, signed: 0, 'signed-on-paper': 0, void: 0, rejected: 0, 'needs-correction': 0 };
  for (const id of Object.keys(props.data.statuses)) counts[props.data.states[Number(id)] ?? 'unsigned']++;
  const order: EntrySignState[] = ['signed', 'signed-on-paper', 'void', 'rejected', 'needs-correction', 'unsigned'];
  return (
    <p className="row so-coverage" aria-label="Signature coverage">
      <span className="small muted">{total} entries in this track:</span>
      {order
        .filter((s) => counts[s] > 0)
        .map((s) => (
          <span key={s} className={`badge badge-${signStateTone(s)}`}>
            {SIGN_STATE_LABELS[s]}: {counts[s]}
          </span>
        ))}
    </p>
  );
}
