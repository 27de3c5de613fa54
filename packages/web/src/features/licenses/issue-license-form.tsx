// The form that issues a license: the customer organization, the policy (a template of one
// product) and an optional name. The answer carries the key and a signed token to hand over.
import { type FormEvent, useState } from 'react';
import type { IssuedLicense } from '../../api/api-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { useSignedIn } from '../auth/session.tsx';
import { FieldError, fieldMessages } from '../policies/field-errors.tsx';
import type { LicenseLookups } from './license-lookups.ts';

export function IssueLicenseForm(props: {
  accountId: string;
  lookups: LicenseLookups;
  onIssued: (issued: IssuedLicense) => void;
  onCancel: () => void;
}) {
  const { api } = useSignedIn();
  const { lookups } = props;
  const [organizationId, setOrganizationId] = useState('');
  const [policyId, setPolicyId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const messages = fieldMessages(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const issued = await api.issueLicense(props.accountId, {
        organizationId,
        policyId,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      props.onIssued(issued);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid form-grid-3" onSubmit={submit} data-testid="issue-license-form">
      <h2 className="card-title full-row">Issue a license</h2>
      <label className="field">
        <span>Organization</span>
        <select
          value={organizationId}
          onChange={(e) => setOrganizationId(e.target.value)}
          data-testid="issue-organization"
        >
          <option value="">Choose a customer…</option>
          {lookups.organizations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
        <FieldError messages={messages} name="organizationId" />
      </label>
      <label className="field">
        <span>Policy</span>
        <select value={policyId} onChange={(e) => setPolicyId(e.target.value)} data-testid="issue-policy">
          <option value="">Choose a policy…</option>
          {lookups.policies.map((policy) => (
            <option key={policy.id} value={policy.id}>
              {lookups.name('product', policy.productId)} — {policy.name} ({policy.model})
            </option>
          ))}
        </select>
        <FieldError messages={messages} name="policyId" />
      </label>
      <label className="field">
        <span>Name (optional)</span>
        <input
          value={name}
          maxLength={200}
          placeholder="e.g. Globex — design team"
          onChange={(e) => setName(e.target.value)}
          data-testid="issue-name"
        />
        <FieldError messages={messages} name="name" />
      </label>
      <FormFooter
        error={error}
        errorTestId="issue-license-error"
        onCancel={props.onCancel}
        busy={busy}
        incomplete={!organizationId || !policyId}
        submitTestId="issue-license"
        label="Issue license"
        busyLabel="Issuing…"
      />
    </form>
  );
}
