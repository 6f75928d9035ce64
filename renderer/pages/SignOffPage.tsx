import { NotBuilt, PageHeader } from '../components/ui';

export function SignOffPage() {
  return (
    <div className="page">
      <PageHeader title="Sign-off" subtitle="Verifiers review and sign batches of entries on this device." />
      <NotBuilt feature="Sign-off">Verifier sessions, signatures and supervisor approval are not available yet.</NotBuilt>
    </div>
  );
}
