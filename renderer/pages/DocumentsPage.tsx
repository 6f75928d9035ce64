import { NotBuilt, PageHeader } from '../components/ui';

export function DocumentsPage() {
  return (
    <div className="page">
      <PageHeader title="Documents" subtitle="Verification packets, progress reports and exports." />
      <NotBuilt feature="Documents">PDF packets, CSV and JSON exports and the ARRT entry helper are not available yet.</NotBuilt>
    </div>
  );
}
