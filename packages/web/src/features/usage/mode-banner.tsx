// The compliance banner of the usage page: the organization's mode with its reason, what to do next
// (seed 001's remedies), what the mode refuses, and when a grace period ends.
import type { LicenseCompliance, OrganizationCompliance } from '../../api/compliance-endpoints.ts';
import { formatDateTime } from '../../ui/format.ts';
import { MODE_LABELS, modeTone } from './usage-format.ts';

const TONE_CLASS = { success: 'alert alert-success', warning: 'notice', error: 'alert alert-error' } as const;

const CAPABILITY_LABELS: Record<string, string> = {
  ADMINISTRATION: 'administration',
  REPORTING: 'reporting',
  USAGE_IMPORT: 'usage imports',
  HARVESTING: 'harvesting',
};

export function ModeBanner(props: { compliance: OrganizationCompliance }) {
  const { compliance } = props;
  const worst: LicenseCompliance | undefined = compliance.licenses.find(
    (l) => l.licenseId === compliance.licenseId,
  );
  const tone = modeTone(compliance.mode);
  return (
    <section
      className={TONE_CLASS[tone]}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="mode-banner"
      data-mode={compliance.mode}
    >
      <strong data-testid="mode-label">{MODE_LABELS[compliance.mode]}</strong>
      {worst && (
        <span data-testid="mode-reason">
          {' — '}
          {worst.title} ({worst.countedUsers} users counted
          {worst.userLimit !== null ? ` of ${worst.userLimit} allowed` : ''})
        </span>
      )}
      {compliance.mode === 'NORMAL' && !worst && <span> — every license is within its user limit.</span>}
      {worst?.graceEndsAt && compliance.mode === 'GRACE' && (
        <div>
          The grace period ends {formatDateTime(worst.graceEndsAt)}; above {worst.ceiling} users the license
          is restricted.
        </div>
      )}
      {worst?.problems.map((p) => (
        <div key={p.code} className="fine-print">
          {p.detail}
        </div>
      ))}
      {compliance.restricted.length > 0 && (
        <div data-testid="mode-restricted">
          Not available now: {compliance.restricted.map((c) => CAPABILITY_LABELS[c] ?? c).join(', ')}.
          Monitoring and license enforcement go on
          {compliance.mode === 'RESTRICTED' ? ' for licensed applications' : ''}.
        </div>
      )}
      {compliance.remedy.length > 0 && (
        <div>
          What to do next:
          <ul data-testid="mode-remedy" style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {compliance.remedy.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
