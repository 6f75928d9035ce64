import { NotBuilt, PageHeader } from '../components/ui';

export function TodayPage() {
  return (
    <div className="page">
      <PageHeader title="Today" subtitle="What is due: rotations, follow-ups, expiring entries and documents." />
      <NotBuilt feature="The Today view">It will list today's planned rotation, follow-ups due and entries about to expire.</NotBuilt>
    </div>
  );
}
