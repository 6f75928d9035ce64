// Sites → merge: when two sites are the same place ("St Marys" and "St. Mary's", or a name an
// import garbled), the open site's entries, contacts, sessions and documents move to the other one
// and the duplicate is removed. Audited; near-duplicates are offered first.
import { useMemo, useRef, useState } from 'react';
import { nameSimilarity, NEAR_DUPLICATE } from '../../../shared/import/names';
import type { SiteRecord } from '../../../shared/sites/types';
import type { AppError } from '../../../shared/result';
import type { SiteSignatureImpact } from '../../../shared/sites/signature-impact';
import { api } from '../../api';
import { Banner, Field, useToast } from '../ui';
import { SignatureVoidWarning } from './SignatureVoidWarning';

export function MergeSite(props: { site: SiteRecord; sites: SiteRecord[]; onMerged: (kept: number) => void }) {
  const others = useMemo(
    () =>
      props.sites
        .filter((s) => s.id !== props.site.id)
        .map((s) => ({ site: s, score: nameSimilarity(props.site.name, s.name) }))
        .sort((a, b) => b.score - a.score || a.site.name.localeCompare(b.site.name)),
    [props.site, props.sites],
  );
  const likely = others.filter((o) => o.score >= NEAR_DUPLICATE);
  const [into, setInto] = useState<number | ''>(likely[0]?.site.id ?? '');
  const [confirming, setConfirming] = useState(false);
  // The merged site's signed entries take the kept site's name, which voids their signatures.
  const [impact, setImpact] = useState<SiteSignatureImpact | null>(null);
  const [busy, setBusy] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const [error, setError] = useState<AppError | null>(null);
  const toast = useToast();
  if (others.length === 0) return null;
  const target = others.find((o) => o.site.id === into)?.site;

  async function ask() {
    if (!target) return;
    setBusy(true);
    const r = await api.sites.mergeImpact({ fromId: props.site.id, intoId: target.id });
    setBusy(false);
    setError(r.ok ? null : r.error);
    setImpact(r.ok && r.value.entries > 0 ? r.value : null);
    setConfirming(true);
  }

  function cancel() {
    setConfirming(false);
    setImpact(null);
  }

  async function merge(voidSignatures: boolean) {
    if (!target) return;
    setBusy(true);
    const r = await api.sites.merge({ fromId: props.site.id, intoId: target.id, ...(voidSignatures ? { voidSignatures: true } : {}) });
    setBusy(false);
    cancel();
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const n = r.value.movedEntries;
    toast(`Merged ${r.value.removedName} into ${r.value.kept.name}: ${n.toLocaleString()} ${n === 1 ? 'entry' : 'entries'} moved.`);
    props.onMerged(r.value.kept.id);
  }

  return (
    <details className="card" open={likely.length > 0}>
      <summary className="card-title">Same place as another site?</summary>
      {likely.length ? (
        <p className="small">
          “{props.site.name}” looks like {likely.map((l) => `“${l.site.name}”`).join(', ')}.
        </p>
      ) : null}
      <p className="muted small">
        Merging moves this site&apos;s entries, contacts, sessions and documents to the other site, then removes “{props.site.name}”.
      </p>
      <div className="row">
        <Field label="Merge into">
          {(id) => (
            <select
              ref={selectRef}
              id={id}
              value={into}
              onChange={(e) => {
                setInto(e.target.value === '' ? '' : Number(e.target.value));
                cancel();
              }}
            >
              <option value="">Choose a site…</option>
              {others.map((o) => (
                <option key={o.site.id} value={o.site.id}>
                  {o.site.name}
                  {o.score >= NEAR_DUPLICATE ? ' (similar name)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        {confirming && target && impact ? null : confirming && target ? (
          <>
            <button className="btn btn-danger" type="button" disabled={busy} onClick={() => void merge(false)}>
              Merge “{props.site.name}” into “{target.name}”
            </button>
            <button className="btn" type="button" onClick={cancel}>
              Cancel
            </button>
          </>
        ) : (
          <button className="btn" type="button" disabled={!target || busy} onClick={() => void ask()}>
            Merge…
          </button>
        )}
      </div>
      {confirming && target && impact ? (
        <SignatureVoidWarning
          action="merge"
          siteName={props.site.name}
          into={target.name}
          impact={impact}
          busy={busy}
          onConfirm={() => void merge(true)}
          onCancel={() => {
            cancel();
            selectRef.current?.focus();
          }}
        />
      ) : null}
      {error ? <Banner tone="error">{error.message}</Banner> : null}
    </details>
  );
}
