// Compare two saved revisions of a catalog: counts of procedures added, removed and changed, then
// the details, so a new revision (or a file someone shared) can be checked before a track uses it.
import { useState } from 'react';
import type { CatalogDiff } from '../../../shared/catalog/diff';
import type { CatalogSummary } from '../../../shared/ipc/catalogs';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Banner, Field } from '../ui';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function RevisionCompare({ revisions }: { revisions: CatalogSummary[] }) {
  const sorted = [...revisions].filter((r) => r.id !== null).sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  const [from, setFrom] = useState(() => sorted.at(-2)?.id ?? null);
  const [to, setTo] = useState(() => sorted.at(-1)?.id ?? null);
  const [diff, setDiff] = useState<{ from: number; to: number; diff: CatalogDiff } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const revisionOf = (id: number | null) => sorted.find((r) => r.id === id)?.revision ?? '?';

  async function compare() {
    if (from === null || to === null) return;
    const r = await api.catalogs.compare({ from: { id: from }, to: { id: to } });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setDiff({ from, to, diff: r.value });
  }

  const pick = (label: string, value: number | null, set: (id: number) => void) => (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value ?? ''} onChange={(e) => set(Number(e.target.value))}>
          {sorted.map((r) => (
            <option key={r.id} value={r.id!}>
              Revision {r.revision} · {plural(r.procedureCount, 'procedure')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const d = diff?.diff;
  return (
    <section className="card" aria-labelledby="cat-compare-title">
      <h3 id="cat-compare-title" className="card-title">
        Compare revisions
      </h3>
      <div className="row cat-compare-row">
        {pick('From', from, setFrom)}
        {pick('To', to, setTo)}
        <button type="button" className="btn" onClick={() => void compare()} disabled={from === null || to === null || from === to}>
          Compare
        </button>
      </div>
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {d ? (
        <div className="stack cat-diff" role="region" aria-label={`Revision ${revisionOf(diff.from)} compared with revision ${revisionOf(diff.to)}`}>
          <p data-testid="cat-diff-summary">
            {d.same
              ? `Revisions ${revisionOf(diff.from)} and ${revisionOf(diff.to)} hold the same requirements.`
              : `From revision ${revisionOf(diff.from)} to ${revisionOf(diff.to)}: ${plural(d.added.length, 'procedure')} added, ${d.removed.length} removed, ${d.changed.length} changed${d.rules.length ? `; ${plural(d.rules.length, 'rule')} changed` : ''}.`}
          </p>
          <ProcedureList title="Added" procedures={d.added} />
          <ProcedureList title="Removed" procedures={d.removed} />
          {d.changed.length ? (
            <div>
              <h4 className="small">Changed</h4>
              <ul className="small">
                {d.changed.map((p) => (
                  <li key={p.id}>
                    {p.name}: {p.changes.join('; ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.rules.length ? (
            <div>
              <h4 className="small">Rules</h4>
              <ul className="small">
                {d.rules.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ProcedureList(props: { title: string; procedures: readonly { id: string; name: string; category: string }[] }) {
  if (props.procedures.length === 0) return null;
  return (
    <div>
      <h4 className="small">{props.title}</h4>
      <ul className="small">
        {props.procedures.map((p) => (
          <li key={p.id}>
            {p.name} <span className="muted">({p.category})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
