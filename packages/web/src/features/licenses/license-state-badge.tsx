// The derived state of a license as a coloured badge: green when it works, amber when it works
// with a warning or is paused, red when it is over for good, grey when expired or not yet valid.
import type { LicenseState } from '../../api/api-types.ts';

const LABELS: Record<LicenseState, string> = {
  ACTIVE: 'Active',
  NOT_YET_VALID: 'Not yet valid',
  IN_GRACE_PERIOD: 'In grace period',
  EXPIRED: 'Expired',
  SUSPENDED: 'Suspended',
  REVOKED: 'Revoked',
};

export function LicenseStateBadge(props: { state: LicenseState; testId?: string }) {
  return (
    <span
      className={`badge state state-${props.state.toLowerCase().replaceAll('_', '-')}`}
      title={LABELS[props.state]}
      data-testid={props.testId ?? 'license-state'}
      data-state={props.state}
    >
      {props.state}
    </span>
  );
}
