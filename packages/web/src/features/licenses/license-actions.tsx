// Lifecycle actions on a license, each confirmed by a second click: suspend and reinstate, revoke
// (final), renew (subscriptions). Only the steps the current status allows are offered.
import { useState } from 'react';
import type { License } from '../../api/api-types.ts';
import type { LicenseAction } from '../../api/licensing-endpoints.ts';
import { ConfirmButton, ErrorBanner } from '../../ui/feedback.tsx';
import { useSignedIn } from '../auth/session.tsx';

const LABELS: Record<LicenseAction, [string, string]> = {
  suspend: ['Suspend', 'Confirm suspend'],
  reinstate: ['Reinstate', 'Confirm reinstate'],
  revoke: ['Revoke', 'Confirm revoke (final)'],
  renew: ['Renew', 'Confirm renew'],
};

function allowed(license: License): LicenseAction[] {
  if (license.status === 'REVOKED') return [];
  const steps: LicenseAction[] = [license.status === 'SUSPENDED' ? 'reinstate' : 'suspend', 'revoke'];
  // Only expiring licenses renew; the server still refuses models that do not (e.g. a trial).
  if (license.expiresAt !== null && license.model !== 'TRIAL') steps.unshift('renew');
  return steps;
}

export function LicenseActions(props: { license: License; onChanged: (license: License) => void }) {
  const { api } = useSignedIn();
  const { license } = props;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const steps = allowed(license);

  async function run(action: LicenseAction) {
    setBusy(true);
    setError(null);
    try {
      props.onChanged(
        await api.changeLicense(license.accountId, license.id, action, reason.trim() || undefined),
      );
      setReason('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="license-actions">
      <h2 className="card-title">Actions</h2>
      {steps.length === 0 ? (
        <p className="muted">A revoked license is final; issue a new one instead.</p>
      ) : (
        <div className="stack">
          <label className="field">
            <span>Reason (optional, kept in the audit log)</span>
            <input
              value={reason}
              maxLength={500}
              placeholder="e.g. Invoice 2291 unpaid"
              onChange={(e) => setReason(e.target.value)}
              data-testid="action-reason"
            />
          </label>
          <div className="row-actions">
            {steps.map((step) => (
              <ConfirmButton
                key={step}
                label={LABELS[step][0]}
                confirmLabel={LABELS[step][1]}
                disabled={busy}
                onConfirm={() => void run(step)}
                testId={`license-${step}`}
              />
            ))}
          </div>
        </div>
      )}
      <ErrorBanner error={error} testId="license-action-error" />
    </section>
  );
}
