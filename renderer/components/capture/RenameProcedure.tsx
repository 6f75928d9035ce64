// Log → rename a procedure: every entry of the track logged under one name takes another, e.g.
// the catalog's name for a personal one ("CT head w/o" → "Routine Head") so the entries count.
// Audited per entry; undone (from the toast or Ctrl+Z) by renaming exactly those entries back.
import { useState, type FormEvent } from 'react';
import type { Track } from '../../../shared/domain';
import type { ProcedureOptions } from '../../../shared/ipc/entries';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, Field } from '../ui';
import type { OfferUndo } from './undo';

export function RenameProcedure(props: { track: Track; procedures: ProcedureOptions; version: number; onChanged: () => void; offerUndo: OfferUndo }) {
  const names = useResult(() => api.entries.filterOptions({ trackId: props.track.id }), [props.track.id, props.version]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const logged = names.value?.procedures ?? [];
  const listId = `rename-to-${props.track.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!from || !to.trim()) return;
    setBusy(true);
    const r = await api.entries.renameProcedure({ trackId: props.track.id, from, to });
    setBusy(false);
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
      run: async () => {
        await api.entries.renameProcedure({ trackId: props.track.id, from: done.to, to: from, ids: done.ids });
        props.onChanged();
      },
    });
  }

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
              <input id={id} aria-describedby={d} list={listId} value={to} onChange={(e) => setTo(e.target.value)} autoComplete="off" />
              <datalist id={listId}>
                {props.procedures.options.map((o) => (
                  <option key={`${o.id ?? ''}${o.name}`} value={o.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <button className="btn btn-primary" type="submit" disabled={busy || !from || !to.trim()}>
          Rename
        </button>
      </form>
      {error && !error.issues ? <Banner tone="error">{error.message}</Banner> : null}
    </details>
  );
}
