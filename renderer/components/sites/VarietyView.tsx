// Site variety: what was done where, and what each site offers, so the user sees which site can
// close which gap.
import { useState } from 'react';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, Field } from '../ui';
import { plural } from './format';

export function VarietyView() {
  const tracks = useResult(() => api.tracks.list(), []);
  const [trackId, setTrackId] = useState<number | undefined>(undefined);
  const report = useResult(() => api.sites.variety(trackId === undefined ? {} : { trackId }), [trackId]);
  const all = report.value?.sites ?? [];
  // Sites with something to show first, busiest first; the rest are named in one line.
  const sites = all.filter((s) => s.lines.length > 0).sort((a, b) => b.totalPerformed - a.totalPerformed || a.siteName.localeCompare(b.siteName));
  const bare = all.filter((s) => s.lines.length === 0).map((s) => s.siteName);
  return (
    <div className="stack">
      <div className="row">
        <Field label="Track">
          {(id) => (
            <select id={id} value={trackId ?? ''} onChange={(e) => setTrackId(e.target.value ? Number(e.target.value) : undefined)}>
              <option value="">All tracks</option>
              {(tracks.value ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.discipline})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {report.error ? <Banner tone="error">{report.error.message}</Banner> : null}
      {report.value && !report.value.needsKnown ? (
        <Banner tone="info">
          Requirement progress is not connected to this view yet, so it shows the procedures you performed at each site and what each site
          says it offers — not yet what your track still needs.
        </Banner>
      ) : null}
      {all.length === 0 && !report.loading ? <p className="empty">No sites yet. Add one, or log an entry with a site.</p> : null}
      <div className="grid-2">
        {sites.map((s) => (
          <section key={s.siteId} className="card variety-card" aria-labelledby={`variety-${s.siteId}`}>
            <h3 id={`variety-${s.siteId}`}>
              {s.siteName} <span className="badge">{plural(s.totalPerformed, 'procedure')} logged</span>
            </h3>
            {s.canClose !== null ? <p className="small">Can close {plural(s.canClose, 'gap')} in your track.</p> : null}
            <div className="table-wrap">
              <table aria-label={`Procedures at ${s.siteName}`}>
                <thead>
                  <tr>
                    <th>Procedure</th>
                    <th className="num">Performed here</th>
                    <th>Offered</th>
                    {report.value?.needsKnown ? <th className="num">Still needed</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {s.lines.map((l) => (
                    <tr key={`${l.procedureId ?? ''}|${l.name}`}>
                      <td>{l.name}</td>
                      <td className="num">{l.performed}</td>
                      <td>{l.offered ? 'Yes' : '—'}</td>
                      {report.value?.needsKnown ? <td className="num">{l.stillNeeded ?? '—'}</td> : null}
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
