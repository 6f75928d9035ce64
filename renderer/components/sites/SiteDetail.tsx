// One site opened from the board: its facts, its place in the pipeline and its contact log.
import { useState } from 'react';
import { requirementLabel } from '../../../shared/sites/compliance';
import { AFFILIATION_LABELS, SITE_STATUS_LABELS, type SiteRecord, type SiteStatus } from '../../../shared/sites/types';
import { ContactLog } from './ContactLog';
import { money, siteSummary } from './format';
import { MoveControl } from './MoveControl';
import { SiteForm } from './SiteForm';
import { useReturnFocus } from '../Dialog';

export function SiteDetail(props: {
  site: SiteRecord;
  onChanged: () => void;
  onMoved: (site: SiteRecord, from: SiteStatus) => void;
  onClose: () => void;
}) {
  const { site } = props;
  const [editing, setEditing] = useState(false);
  const facts: Array<[string, string]> = [
    ['Affiliation', site.affiliation ? AFFILIATION_LABELS[site.affiliation] : 'Not set'],
    ['Modalities', site.modalities.join(', ') || '—'],
    ['Equipment', site.equipment || '—'],
    ['Cost paid', money(site.costCents)],
    ['Housing', site.housing || '—'],
    ['Offers', site.offered.map((p) => p.name).join('; ') || '—'],
    ['Requires', site.requirements.map(requirementLabel).join('; ') || 'Nothing recorded'],
  ];
  useReturnFocus();
  return (
    <section className="card site-detail" aria-labelledby={`site-${site.id}-title`}>
      <div className="site-detail-head">
        <div>
          <h2 id={`site-${site.id}-title`}>
            {site.name} <span className={`badge status-badge status-${site.status}`}>{SITE_STATUS_LABELS[site.status]}</span>
          </h2>
          <p className="muted">{siteSummary(site)}</p>
          {site.status === 'declined' && site.declinedReason ? <p className="small">Declined: {site.declinedReason}</p> : null}
        </div>
        <div className="row">
          <button className="btn" type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
            {editing ? 'Stop editing' : 'Edit details'}
          </button>
          <button className="btn" type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </div>
      <MoveControl key={site.status} site={site} onMoved={props.onMoved} />
      {editing ? (
        <SiteForm
          site={site}
          onSaved={() => {
            setEditing(false);
            props.onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="site-facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
          {site.notes ? (
            <div>
              <dt>Notes</dt>
              <dd className="site-pre">{site.notes}</dd>
            </div>
          ) : null}
        </dl>
      )}
      <ContactLog site={site} onChanged={props.onChanged} />
    </section>
  );
}
