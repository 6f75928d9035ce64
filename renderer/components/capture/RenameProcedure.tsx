// Log → rename a procedure: every entry of the track logged under one name takes another, e.g.
// the catalog's name for a personal one ("CT head w/o" → "Routine Head") so the entries count.
// Audited per entry; undone (from the toast or Ctrl+Z) by renaming exactly those entries back.
// A signature covers each entry's procedure, so a rename that would void signatures shows whose
// first (SignatureVoidWarning), with "Rename anyway" / Cancel; the form keeps what was chosen.
import { useRef, useState, type FormEvent } from 'react';
import type { Track } from '../../../shared/domain';
import type { ProcedureOptions } from '../../../shared/ipc/entries';
import type { AppError } from '../../../shared/result';
import type { SignatureImpact } from '../../../shared/sites/signature-impact';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { SignatureVoidWarning } from '../sites/SignatureVoidWarning';
import { Banner, Field } from '../ui';
import type { OfferUndo } from './undo';

export function RenameProcedure(props: { track: Track; procedures: ProcedureOptions; version: number; onChanged: () => void; offerUndo: OfferUndo }) {
  const names = useResult(() => api.entries.filterOptions({ trackId: props.track.id }), [props.track.id, props.version]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // Asked for these exact names; a change of either takes the question away.
  const [voidAsk, setVoidAsk] = useState<{ from: string; to: string; impact: SignatureImpact } | null>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const logged = names.value?.procedures ?? [];
  const listId = `rename-to-${props.track.id}`;

  async function submit(e: FormEvent | null, voidConfirmed = false) {
    e?.preventDefault();
    if (!from || !to.trim()) return;
    setBusy(true);
    const input = { trackId: props.track.id, from, to };
    if (!voidConfirmed) {
      const impact = await api.entries.renameProcedureImpact(input);
      if (impact.ok && impact.value.entries > 0) {
        setBusy(false);
        setError(null);
        setVoidAsk({ from, to, impact: impact.value });
        return;
      }
    }
    const r = await api.entries.renameProcedure({ ...input, ...(voidConfirmed ? { voidSignatures: true } : {}) });
    setBusy(false);
    setVoidAsk(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setFrom('');
    setTo('');
    props.onChanged();
    const done = r.value;
    props.offerUndo(`Renamed ${done.updated.toLocaleString()} ${done.updated === 1 ? 'entry' : 'entries'} from “${from}” to “${done.to}”.`, {
      label: `rename of “${from}”`,
      // Putting the names back restores the signed digests, so this voids nothing and is not asked;
      // if the entries were signed again under the new name meanwhile, the refusal says so.
      run: async () => {
        const back = await api.entries.renameProcedure({ trackId: props.track.id, from: done.to, to: from, ids: done.ids });
        props.onChanged();
        if (!back.ok) throw new Error(back.error.message);
      },
    });
  }

  const asking = voidAsk && voidAsk.from === from && voidAsk.to === to ? voidAsk : null;

  return (
    <details className="card shift-card">
      <summary className="card-title">Rename a procedure</summary>
      <p className="muted small">
        Every entry of this track logged under one name takes another: use it to give your own names the catalog&apos;s, so the entries count.
      </p>
      <form className="row" onSubmit={(e) => void submit(e)} aria-label="Rename a procedure">
        <Field label="Logged as">
          {(id) => (
            <select id={id} value={from} onChange={(e) => setFrom(e.target.value)}>
              <option value="">Choose a name…</option>
              {logged.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Rename to" error={error?.issues?.find((i) => i.path === 'to')?.message}>
          {(id, d) => (
            <>
              <input ref={toRef} id={id} aria-describedby={d} list={listId} value={to} onChange={(e) => setTo(e.target.value)} autoComplete="off" />
              <datalist id={listId}>
                {props.procedures.options.map((o) => (
                  <option key={`${o.id ?? ''}${o.name}`} value={o.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <button className="btn btn-primary" type="submit" disabled={busy || !from || !to.trim() || asking !== null}>
          Rename
        </button>
      </form>
      {asking ? (
        <SignatureVoidWarning
          action="rename-procedure"
          siteName={asking.from}
          into={asking.to.trim()}
          impact={asking.impact}
          busy={busy}
          onConfirm={() => void submit(null, true)}
          onCancel={() => {
            setVoidAsk(null);
            toRef.current?.focus();
          }}
        />
      ) : null}
      {error && !error.issues ? <Banner tone="error">{error.message}</Banner> : null}
    </details>
  );
}
