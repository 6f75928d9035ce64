// What each site demands against what the user holds: gaps and soon-expiring items stand out, in
// words as well as colour. Items match requirements by kind ("Influenza 2026-27" meets a flu
// vaccination); where that is not enough the user links a document to a requirement by hand.
import { useState } from 'react';
import { requirementLabel, type MatrixCell, type MatrixRow } from '../../../shared/sites/compliance';
import type { ComplianceItem } from '../../../shared/sites/types';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, useToast } from '../ui';
import { plural } from './format';
import { StateBadge } from './freshness';

function LinkControl(props: { cell: MatrixCell; items: ComplianceItem[]; onRows: (rows: MatrixRow[]) => void }) {
  const { cell } = props;
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const name = requirementLabel(cell.requirement);
  if (cell.matchedBy === 'link') {
    return (
      <button
        className="btn-link small"
        type="button"
        aria-label={`Unlink the document from ${name}`}
        onClick={() =>
          void api.compliance.unlink({ kind: cell.requirement.kind, label: cell.requirement.label }).then((r) => (r.ok ? props.onRows(r.value) : toast(r.error.message)))
        }
      >
        Unlink
      </button>
    );
  }
  if (cell.state !== 'missing' || props.items.length === 0) return null;
  if (!open) {
    return (
      <button className="btn-link small" type="button" aria-label={`Link a document to ${name}`} onClick={() => setOpen(true)}>
        Link a document
      </button>
    );
  }
  return (
    <select
      aria-label={`Document that satisfies ${name}`}
      autoFocus
      defaultValue=""
      onBlur={() => setOpen(false)}
      onChange={(e) => {
        const itemId = Number(e.target.value);
        if (!itemId) return;
        void api.compliance.link({ kind: cell.requirement.kind, label: cell.requirement.label, itemId }).then((r) => {
          setOpen(false);
          if (r.ok) props.onRows(r.value);
          else toast(r.error.message);
        });
      }}
    >
      <option value="">Choose a document…</option>
      {props.items.map((i) => (
        <option key={i.id} value={i.id}>
          {requirementLabel({ kind: i.kind, label: i.label })}
          {i.expiresOn ? ` (until ${i.expiresOn})` : ''}
        </option>
      ))}
    </select>
  );
}

export function ComplianceMatrix(props: { rows: MatrixRow[] | undefined; error: string | null; onRows?: (rows: MatrixRow[]) => void }) {
  const [local, setLocal] = useState<MatrixRow[] | null>(null);
  const items = useResult(() => api.compliance.list(), []);
  const rows = local ?? props.rows ?? [];
  const onRows = (r: MatrixRow[]) => {
    setLocal(r);
    props.onRows?.(r);
  };
  const columns: string[] = [];
  for (const row of rows) for (const c of row.cells) if (!columns.includes(requirementLabel(c.requirement))) columns.push(requirementLabel(c.requirement));

  if (props.error) return <Banner tone="error">{props.error}</Banner>;
  if (rows.length === 0) {
    return (
      <p className="empty">
        No site has requirements recorded yet. Open a site, choose “Edit details” and tick what it requires.
      </p>
    );
  }
  return (
    <div className="stack">
      <p className="muted small">
        Documents meet requirements by kind (a flu vaccination of any name meets a flu-vaccination requirement). Where a document is not
        recognised, link it by hand. Expiring means within 60 days (amber) or 30 days (red). Declined and ended sites are left out.
      </p>
      <div className="table-wrap">
        <table className="site-matrix" aria-label="Requirements by site">
          <thead>
            <tr>
              <th scope="col">Site</th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.siteId}>
                <th scope="row">
                  {row.siteName}
                  <div className="small">
                    {row.gaps ? <span className="badge badge-danger">{plural(row.gaps, 'gap')}</span> : <span className="badge badge-ok">No gaps</span>}{' '}
                    {row.expiring ? <span className="badge badge-warn">{row.expiring} expiring</span> : null}
                  </div>
                </th>
                {columns.map((col) => {
                  const cell = row.cells.find((c) => requirementLabel(c.requirement) === col);
                  return (
                    <td key={col} className={cell ? `cell-${cell.state}` : 'cell-none'}>
                      {cell ? (
                        <>
                          <StateBadge state={cell.state} daysLeft={cell.daysLeft} />
                          {cell.itemTitle ? (
                            <div className="small muted">
                              {cell.itemTitle}
                              {cell.matchedBy === 'link' ? ' (linked)' : ''}
                            </div>
                          ) : null}
                          {cell.expiresOn ? <div className="small muted">until {cell.expiresOn}</div> : null}
                          <LinkControl cell={cell} items={items.value ?? []} onRows={onRows} />
                        </>
                      ) : (
                        <span className="muted small">Not required</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
