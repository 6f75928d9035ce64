// One badge vocabulary for expiry everywhere (wallet, matrix, Today): colour plus words.
import type { CellState } from '../../../shared/sites/compliance';
import { relativeDays } from './format';

export function StateBadge(props: { state: CellState; daysLeft: number | null }) {
  const { state, daysLeft } = props;
  switch (state) {
    case 'missing':
      return <span className="badge badge-danger">Missing</span>;
    case 'expired':
      return <span className="badge badge-danger">{daysLeft === null ? 'Expired' : relativeDays(daysLeft, { future: 'Expires', past: 'Expired' })}</span>;
    case 'expiring-30':
      return <span className="badge badge-danger-soft">{daysLeft === null ? 'Expiring' : relativeDays(daysLeft, { future: 'Expires', past: 'Expired' })}</span>;
    case 'expiring-60':
      return <span className="badge badge-warn">{daysLeft === null ? 'Expiring' : relativeDays(daysLeft, { future: 'Expires', past: 'Expired' })}</span>;
    case 'valid':
      return <span className="badge badge-ok">Valid</span>;
    case 'no-expiry':
      return <span className="badge badge-ok">Held</span>;
  }
}
