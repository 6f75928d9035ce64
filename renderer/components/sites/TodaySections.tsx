// The Sites feature's contributions to Today: follow-ups due and compliance items about to expire.
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner } from '../ui';
import { openSiteFromElsewhere, openWalletFromElsewhere, relativeDays } from './format';
import { StateBadge } from './freshness';

export function FollowUpsDue() {
  const due = useResult(() => api.sites.followUps(), []);
  if (due.error) return <Banner tone="error">{due.error.message}</Banner>;
  const list = due.value ?? [];
  if (list.length === 0) return <p className="muted">{due.loading ? 'Loading…' : 'No follow-ups due. Nice.'}</p>;
  async function done(contactId: number) {
    await api.sites.completeFollowUp({ contactId });
    void due.reload();
  }
  return (
    <ul className="today-list" aria-label="Follow-ups due">
      {list.map((f) => (
        <li key={f.contactId} className="today-item">
          <div>
            <strong>{f.siteName}</strong>
            {f.person ? <span className="muted"> · {f.person}</span> : null}
            <div className="small">
              <span className={`badge ${f.daysOverdue > 0 ? 'badge-danger' : 'badge-warn'}`}>
                {f.daysOverdue === 0 ? 'Due today' : `${f.daysOverdue} ${f.daysOverdue === 1 ? 'day' : 'days'} overdue`}
              </span>{' '}
              <span className="muted">follow up on {f.dueOn}</span>
            </div>
            {f.lastOutcome ? <div className="small muted">Last time: {f.lastOutcome}</div> : null}
          </div>
          <div className="row">
            <button className="btn" type="button" onClick={() => openSiteFromElsewhere(f.siteId)}>
              Open {f.siteName}
            </button>
            <button className="btn" type="button" onClick={() => void done(f.contactId)}>
              Mark done
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function ComplianceReminders() {
  const reminders = useResult(() => api.compliance.reminders(), []);
  if (reminders.error) return <Banner tone="error">{reminders.error.message}</Banner>;
  const list = reminders.value ?? [];
  if (list.length === 0) return <p className="muted">{reminders.loading ? 'Loading…' : 'Nothing in your wallet expires in the next 60 days.'}</p>;
  return (
    <ul className="today-list" aria-label="Compliance reminders">
      {list.map((r) => (
        <li key={r.itemId} className="today-item">
          <div>
            <strong>{r.title}</strong>
            <div className="small">
              <StateBadge state={r.state} daysLeft={r.daysLeft} /> <span className="muted">{relativeDays(r.daysLeft, { future: 'expires', past: 'expired' })} ({r.expiresOn})</span>
            </div>
          </div>
          <button className="btn" type="button" onClick={openWalletFromElsewhere}>
            Renew in the wallet
          </button>
        </li>
      ))}
    </ul>
  );
}
