// One entry's history from the audit log: every create, edit, delete and restore with the
// values before and after, so nothing an edit replaced is ever out of sight.
import type { Entry } from '../../../shared/domain';
import { ENTRY_STATUS_LABELS } from '../../../shared/domain';
import type { HistoryEvent } from '../../../shared/ipc/entries';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Dialog } from '../Dialog';
import { Banner } from '../ui';
import { localInstant } from './format';

const FIELD_LABELS: Partial<Record<keyof Entry, string>> = {
  performedOn: 'Date',
  performedAt: 'Time',
  procedureName: 'Procedure',
  procedureId: 'Catalog procedure',
  siteName: 'Site',
  siteId: 'Site',
  verifierName: 'Verifier',
  simulated: 'Simulated',
  notes: 'Notes',
  status: 'Status',
  patientMarker: 'Patient marker',
};

const ACTION_LABELS: Record<HistoryEvent['action'], string> = {
  create: 'Logged',
  update: 'Edited',
  delete: 'Deleted',
  restore: 'Restored',
  sign: 'Signed',
  void: 'Signature voided',
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status') return ENTRY_STATUS_LABELS[value as Entry['status']] ?? String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function HistoryPanel(props: { entryId: number; version: number; onClose: () => void }) {
  const history = useResult(() => api.entries.history({ id: props.entryId }), [props.entryId, props.version]);

  return (
    <Dialog variant="panel" className="history-panel" title={`History of entry #${props.entryId}`} onClose={props.onClose}>
      {history.error ? <Banner tone="error">{history.error.message}</Banner> : null}
      <ol className="history-list">
        {(history.value ?? []).map((h) => (
          <li key={h.id}>
            <div>
              <strong>{ACTION_LABELS[h.action]}</strong> <span className="muted small">{localInstant(h.at)}</span>
            </div>
            {h.action === 'update' ? (
              <ul className="history-changes">
                {h.changed
                  .filter((f) => f !== 'siteId' && f !== 'procedureId')
                  .map((f) => (
                    <li key={f}>
                      {FIELD_LABELS[f as keyof Entry] ?? f}: <del>{show(f, h.before?.[f as keyof Entry])}</del> →{' '}
                      <ins>{show(f, h.after?.[f as keyof Entry])}</ins>
                    </li>
                  ))}
              </ul>
            ) : h.action === 'create' && h.after ? (
              <p className="muted small">
                {show('procedureName', h.after.procedureName)} on {show('performedOn', h.after.performedOn)} at {show('siteName', h.after.siteName)}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
