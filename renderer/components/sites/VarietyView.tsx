// Site variety: what was done where, and what each site offers, set against what the track still
// needs, so the user sees which site can close which gap.
import { useState, type ReactNode } from 'react';
import type { VarietyNeeds } from '../../../shared/ipc/sites';
import type { VarietyLine } from '../../../shared/sites/variety';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, Field } from '../ui';
import { plural } from './format';

function needsNote(needs: VarietyNeeds): ReactNode {
  switch (needs) {
    case 'known':
      return null;
    case 'all-tracks':
      return 'Showing all tracks: choose one track to see what it still needs.';
    case 'no-catalog':
      return 'This track has no requirement catalog yet, so this shows what you performed at each site and what it offers — not what the track still needs.';
    case 'catalog-empty':
      return 'This track’s catalog does not list its procedures yet (fill it from the ARRT worksheet under Progress), so this shows what you performed and what each site offers — not what the track still needs.';
  }
}

function neededCell(line: VarietyLine): string {
  if (!line.needed) return '—';
  return line.stillNeeded === null ? 'Yes' : `${line.stillNeeded} more`;
}

export function VarietyView() {
  const tracks = useResult(() => api.tracks.list(), []);
  // null = not chosen yet: the first track, so the view opens with needs when it can.
  const [choice, setChoice] = useState<number | 'all' | null>(null);
  const trackId = choice === 'all' ? undefined : (choice ?? tracks.value?.[0]?.id);
  const report = useResult(() => api.sites.variety(trackId === undefined ? {} : { trackId }), [trackId]);
  const needsKnown = report.value?.needs === 'known';
  const all = report.value?.sites ?? [];
  // Sites that can close a gap first, then the busiest; sites with nothing to show in one line.
  const sites = all
    .filter((s) => s.lines.length > 0)
    .sort((a, b) => (b.canClose ?? 0) - (a.canClose ?? 0) || b.totalPerformed - a.totalPerformed || a.siteName.localeCompare(b.siteName));
  const bare = all.filter((s) => s.lines.length === 0).map((s) => s.siteName);
  const note = report.value ? needsNote(report.value.needs) : null;

  return (
    <div className="stack">
      <div className="row">
        <Field label="Track">
          {(id) => (
            <select id={id} value={trackId ?? 'all'} onChange={(e) => setChoice(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
              {(tracks.value ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.discipline})
                </option>
              ))}
              <option value="all">All tracks</option>
            </select>
          )}
        </Field>
      </div>
      {report.error ? <Banner tone="error">{report.error.message}</Banner> : null}
      {note ? <Banner tone="info">{note}</Banner> : null}
      {all.length === 0 && !report.loading ? <p className="empty">No sites yet. Add one, or log an entry with a site.</p> : null}
      <div className="grid-2">
        {sites.map((s) => (
          <section key={s.siteId} className="card variety-card" aria-labelledby={`variety-${s.siteId}`}>
            <h3 id={`variety-${s.siteId}`}>
              {s.siteName} <span className="badge">{plural(s.totalPerformed, 'procedure')} logged</span>
            </h3>
            {s.canClose !== null ? (
              <p className="small">
                {s.canClose > 0 ? (
                  <span className="badge badge-ok">Can help with {plural(s.canClose, 'procedure')} you still need</span>
                ) : (
                  <span className="muted">Nothing here that the track still needs.</span>
                )}
              </p>
            ) : null}
            <div className="table-wrap">
              <table aria-label={`Procedures at ${s.siteName}`}>
                <thead>
                  <tr>
                    <th>Procedure</th>
                    <th className="num">Performed here</th>
                    <th>Offered</th>
                    {needsKnown ? <th>Still needed</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {s.lines.map((l) => (
                    <tr key={`${l.procedureId ?? ''}|${l.name}`} className={l.needed ? 'line-needed' : undefined}>
                      <td>{l.name}</td>
                      <td className="num">{l.performed}</td>
                      <td>{l.offered ? 'Yes' : '—'}</td>
                      {needsKnown ? <td>{neededCell(l)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>
      {bare.length ? (
        <p className="muted small">
          Nothing logged and no offered procedures recorded yet at: {bare.join(', ')}. Add what a site offers under Pipeline → Edit details.
        </p>
      ) : null}
    </div>
  );
}
