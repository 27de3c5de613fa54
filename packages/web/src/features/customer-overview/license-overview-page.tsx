// The customer portal's landing page: what the organization owns and uses, in four tabs.
import { PageHeader } from '../../ui/feedback.tsx';
import { useSignedIn } from '../auth/session.tsx';
import { PortalScoped } from '../portal/org-scope.tsx';
import { LicenseOverviewPanel } from './license-overview-panel.tsx';

export function LicenseOverviewPage() {
  const { me } = useSignedIn();
  return (
    <>
      <PageHeader
        title="License overview"
        description={`What ${me.organizationName ?? 'your organization'} owns and uses: products per environment, integrations, user licenses and your plan.`}
      />
      <PortalScoped>{(scope) => <LicenseOverviewPanel scope={scope} />}</PortalScoped>
    </>
  );
}
