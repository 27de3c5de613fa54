// One license: summary, key and signed token, lifecycle actions, machines, validation history and
// the audit events that changed it. Actions update the summary in place and refresh the history.
import { useCallback, useEffect, useState } from 'react';
import type { License } from '../../api/api-types.ts';
import { ErrorBanner, PageHeader } from '../../ui/feedback.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { LicenseActions } from './license-actions.tsx';
import { LicenseAudit } from './license-audit.tsx';
import { LicenseCredentials } from './license-credentials.tsx';
import { useLicenseLookups } from './license-lookups.ts';
import { LicenseMachines } from './license-machines.tsx';
import { LicenseStateBadge } from './license-state-badge.tsx';
import { LicenseSummary } from './license-summary.tsx';
import { LicenseValidations } from './license-validations.tsx';

export function LicenseDetail(props: { accountId: string; licenseId: string }) {
  const { api, can } = useSignedIn();
  const { accountId, licenseId } = props;
  const loaded = useResource(() => api.getLicense(accountId, licenseId), `license:${accountId}:${licenseId}`);
  const [license, setLicense] = useState<License | undefined>(undefined);
  const lookups = useLicenseLookups(accountId);
  useEffect(() => setLicense(loaded.data), [loaded.data]);

  // An action answers the changed license; showing it at once avoids a second round trip.
  const changed = useCallback((next: License) => setLicense(next), []);
  const title = license ? (license.name ?? lookups.name('policy', license.policyId)) : 'License';

  return (
    <>
      <a href="#/licenses" className="back-link" data-testid="back-to-licenses">
        ← Licenses
      </a>
      <PageHeader
        title={title}
        description={
          license
            ? `${license.model} license for ${lookups.name('organization', license.organizationId)}`
            : 'Loading…'
        }
        actions={license && <LicenseStateBadge state={license.state} testId="detail-state" />}
      />
      <ErrorBanner error={loaded.error} />
      {license && (
        <>
          <div className="detail-grid">
            <LicenseSummary license={license} lookups={lookups} />
            <div className="stack">
              <LicenseCredentials license={license} />
              {can('license:write') && <LicenseActions license={license} onChanged={changed} />}
            </div>
          </div>
          <LicenseMachines license={license} />
          <LicenseValidations license={license} />
          {can('audit:read') && <LicenseAudit license={license} />}
        </>
      )}
    </>
  );
}
