// The outreach board: one column per status. Every card moves with its own menu and button, so
// the whole board works from the keyboard and with a screen reader.
import type { DueFollowUp } from '../../../shared/sites/followups';
import { SITE_STATUS_LABELS, SITE_STATUSES, type SiteRecord, type SiteStatus } from '../../../shared/sites/types';
import { siteSummary } from './format';
import { MoveControl } from './MoveControl';

export function PipelineBoard(props: {
  sites: SiteRecord[];
  followUps: DueFollowUp[];
  selectedId: number | null;
  onOpen: (id: number) => void;
  onMoved: (site: SiteRecord, from: SiteStatus) => void;
}) {
  const due = new Map(props.followUps.map((f) => [f.siteId, f]));
  return (
    <div className="sites-board" role="list" aria-label="Outreach pipeline">
      {SITE_STATUSES.map((status) => {
        const column = props.sites.filter((s) => s.status === status);
        return (
          <section key={status} className={`board-column status-${status}`} role="listitem" aria-label={`${SITE_STATUS_LABELS[status]} (${column.length})`}>
            <h3 className="board-title">
              {SITE_STATUS_LABELS[status]} <span className="badge">{column.length}</span>
            </h3>
            <ul className="board-cards">
              {column.map((site) => {
                const f = due.get(site.id);
                return (
                  <li key={site.id} className={`site-card${props.selectedId === site.id ? ' selected' : ''}`} data-testid={`site-card-${site.id}`}>
                    <button className="btn-link site-card-name" type="button" onClick={() => props.onOpen(site.id)} aria-label={`Open ${site.name}`}>
                      {site.name}
                    </button>
                    <span className="small muted">{siteSummary(site)}</span>
                    {f ? (
                      <span className={`badge ${f.daysOverdue > 0 ? 'badge-danger' : 'badge-warn'}`}>
                        Follow-up {f.daysOverdue === 0 ? 'due today' : `${f.daysOverdue} d overdue`}
                      </span>
                    ) : null}
                    {site.status === 'declined' && site.declinedReason ? <span className="small muted">“{site.declinedReason}”</span> : null}
                    <MoveControl site={site} onMoved={props.onMoved} compact />
                  </li>
                );
              })}
              {column.length === 0 ? <li className="board-empty small muted">None</li> : null}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
