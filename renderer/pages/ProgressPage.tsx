import { NotBuilt, PageHeader } from '../components/ui';

export function ProgressPage() {
  return (
    <div className="page">
      <PageHeader title="Progress" subtitle="How far you are, what is missing, and when you will finish." />
      <NotBuilt feature="The progress dashboard">It will measure your log against your track's requirement catalog.</NotBuilt>
    </div>
  );
}
