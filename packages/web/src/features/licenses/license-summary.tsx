// The facts of one license as a definition list: who holds it, from which policy, its dates and
// any limits overridden at issue.
import type { ReactNode } from 'react';
import type { License } from '../../api/api-types.ts';
import { formatDateTime } from '../../ui/format.ts';
import type { LicenseLookups } from './license-lookups.ts';

function Row(props: { label: string; children: ReactNode; mono?: boolean; testId?: string }) {
  return (
    <div className="kv-row">
      <dt>{props.label}</dt>
      <dd className={props.mono ? 'mono' : undefined} data-testid={props.testId}>
        {props.children}
      </dd>
    </div>
  );
}

export function LicenseSummary(props: { license: License; lookups: LicenseLookups }) {
  const { license: l, lookups } = props;
  const overrides = Object.keys(l.overrides).length > 0 ? JSON.stringify(l.overrides) : null;
  return (
    <section className="card" data-testid="license-summary">
      <h2 className="card-title">Summary</h2>
      <dl className="kv">
        <Row label="License ID" mono testId="license-id">
          {l.id}
        </Row>
        <Row label="Organization">{lookups.name('organization', l.organizationId)}</Row>
        <Row label="Product">{lookups.name('product', l.productId)}</Row>
        <Row label="Policy">{lookups.name('policy', l.policyId)}</Row>
        <Row label="Status" testId="license-status">
          {l.status}
        </Row>
        <Row label="Issued">{formatDateTime(l.issuedAt)}</Row>
        <Row label="Valid from">{formatDateTime(l.startsAt)}</Row>
        <Row label="Expires">{l.expiresAt ? formatDateTime(l.expiresAt) : 'Never'}</Row>
        {l.maintenanceEndsAt && <Row label="Maintenance until">{formatDateTime(l.maintenanceEndsAt)}</Row>}
        {l.model === 'TRIAL' && <Row label="Trial activated">{formatDateTime(l.trialActivatedAt)}</Row>}
        <Row label="Key ends with" mono>
          {l.keyHint}
        </Row>
        <Row label="Last validated">{formatDateTime(l.lastValidatedAt)}</Row>
        {l.boundFingerprints.length > 0 && <Row label="Bound machines">{l.boundFingerprints.length}</Row>}
        {overrides && (
          <Row label="Overrides" mono>
            {overrides}
          </Row>
        )}
      </dl>
    </section>
  );
}
