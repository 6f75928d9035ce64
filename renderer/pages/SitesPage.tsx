import { NotBuilt, PageHeader } from '../components/ui';

export function SitesPage() {
  return (
    <div className="page">
      <PageHeader title="Sites" subtitle="Clinical sites, outreach and your compliance documents." />
      <NotBuilt feature="Site management">Sites you type in the log are remembered; the outreach pipeline and compliance wallet come next.</NotBuilt>
    </div>
  );
}
