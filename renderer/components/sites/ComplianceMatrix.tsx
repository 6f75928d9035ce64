// What each site demands against what the user holds: gaps and soon-expiring items stand out, in
// words as well as colour.
import { requirementLabel, type MatrixRow } from '../../../shared/sites/compliance';
import { Banner } from '../ui';
import { plural } from './format';
import { StateBadge } from './freshness';

export function ComplianceMatrix(props: { rows: MatrixRow[] | undefined; error: string | null }) {
  const rows = props.rows ?? [];
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
      <p className="muted small">Expiring means within 60 days (amber) or 30 days (red). Declined and ended sites are left out.</p>
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
                          {cell.expiresOn ? <div className="small muted">until {cell.expiresOn}</div> : null}
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
