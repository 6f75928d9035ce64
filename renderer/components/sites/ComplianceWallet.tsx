// The compliance wallet: what the user holds, how long it lasts, and the document behind it.
import { useState } from 'react';
import type { AttachmentData } from '../../../shared/ipc/compliance';
import { localIsoDate } from '../../../shared/dates';
import { formatBytes } from '../../../shared/sites/attachment-check';
import { freshness, requirementLabel } from '../../../shared/sites/compliance';
import { daysBetween } from '../../../shared/sites/dates';
import {
  HIPAA_SOURCE_LABELS,
  INSURANCE_COVERAGE_LABELS,
  type ComplianceItem,
} from '../../../shared/sites/types';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, useToast } from '../ui';
import { ComplianceItemForm } from './ComplianceItemForm';
import { StateBadge } from './freshness';

function details(item: ComplianceItem): string {
  const parts: string[] = [];
  if (item.hipaaSource) parts.push(`From: ${HIPAA_SOURCE_LABELS[item.hipaaSource]}`);
  if (item.insuranceCoverage) parts.push(INSURANCE_COVERAGE_LABELS[item.insuranceCoverage]);
  if (item.insurer) parts.push(item.insurer);
  if (item.policyNumber) parts.push(`Policy ${item.policyNumber}`);
  return parts.join(' · ');
}

function DocumentCell(props: { item: ComplianceItem }) {
  const a = props.item.attachment;
  const [doc, setDoc] = useState<AttachmentData | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!a) return <span className="muted">—</span>;
  async function load() {
    if (!a) return;
    const r = await api.compliance.attachment({ id: a.id, itemId: props.item.id });
    if (r.ok) setDoc(r.value);
    else setError(r.error.message);
  }
  return (
    <div className="stack doc-cell">
      <span>
        {a.originalName} <span className="muted">({a.mime === 'application/pdf' ? 'PDF' : a.mime === 'image/png' ? 'PNG' : 'JPEG'}, {formatBytes(a.sizeBytes)})</span>
      </span>
      {doc ? (
        <>
          {doc.mime.startsWith('image/') ? <img className="doc-preview" src={doc.dataUrl} alt={`Attached document: ${doc.name}`} /> : null}
          <a className="btn-link" href={doc.dataUrl} download={doc.name}>
            Save a copy
          </a>
        </>
      ) : (
        <button className="btn-link" type="button" onClick={() => void load()} aria-label={`Open ${a.originalName}`}>
          Open
        </button>
      )}
      {error ? <span className="error small">{error}</span> : null}
    </div>
  );
}

export function ComplianceWallet(props: { onChanged: () => void }) {
  const items = useResult(() => api.compliance.list(), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const toast = useToast();
  const today = localIsoDate(new Date());

  function changed() {
    void items.reload();
    props.onChanged();
  }

  async function remove(item: ComplianceItem) {
    const r = await api.compliance.remove({ id: item.id });
    if (!r.ok) return toast(r.error.message);
    changed();
    toast(`Removed ${requirementLabel(item)}.`, {
      label: 'Undo',
      run: () => void api.compliance.restore({ id: item.id }).then(changed),
    });
  }

  const list = items.value ?? [];
  return (
    <div className="stack">
      {items.error ? <Banner tone="error">{items.error.message}</Banner> : null}
      <div className="row">
        <button className="btn btn-primary" type="button" onClick={() => setAdding((v) => !v)} aria-expanded={adding}>
          {adding ? 'Close the form' : 'Add a wallet item'}
        </button>
      </div>
      {adding ? (
        <section className="card" aria-label="Add a wallet item">
          <h3 className="card-title">Add a wallet item</h3>
          <ComplianceItemForm
            onSaved={(item) => {
              setAdding(false);
              toast(`Added ${requirementLabel(item)} to the wallet.`);
              changed();
            }}
            onCancel={() => setAdding(false)}
          />
        </section>
      ) : null}
      {list.length === 0 && !items.loading ? (
        <p className="empty">Nothing in the wallet yet. Add your HIPAA training, BLS card, immunizations and insurance.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Compliance wallet">
            <thead>
              <tr>
                <th>Item</th>
                <th>Issued</th>
                <th>Expires</th>
                <th>Document</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((item) =>
                editing === item.id ? (
                  <tr key={item.id}>
                    <td colSpan={5}>
                      <ComplianceItemForm
                        item={item}
                        onSaved={() => {
                          setEditing(null);
                          changed();
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={item.id}>
                    <td>
                      <strong>{requirementLabel(item)}</strong>
                      {details(item) ? <div className="small muted">{details(item)}</div> : null}
                      {item.notes ? <div className="small muted">{item.notes}</div> : null}
                    </td>
                    <td>{item.issuedOn ?? '—'}</td>
                    <td>
                      <div>{item.expiresOn ?? 'No expiry'}</div>
                      <StateBadge state={freshness(item.expiresOn, today)} daysLeft={item.expiresOn ? daysBetween(today, item.expiresOn) : null} />
                    </td>
                    <td>
                      <DocumentCell key={item.attachment ? `${item.attachment.id}:${item.attachment.originalName}` : 'none'} item={item} />
                    </td>
                    <td className="wallet-actions">
                      <button className="btn-link" type="button" onClick={() => setEditing(item.id)} aria-label={`Edit ${requirementLabel(item)}`}>
                        Edit
                      </button>
                      <button className="btn-link btn-danger" type="button" onClick={() => void remove(item)} aria-label={`Remove ${requirementLabel(item)}`}>
                        Remove
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
