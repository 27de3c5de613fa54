// The form that issues a license: the customer organization, the policy (a template of one
// product) and an optional name. The answer carries the key and a signed token to hand over.
import { useState } from 'react';
import type { IssuedLicense } from '../../api/api-types.ts';
import { FieldError, fieldMessages } from '../../ui/field-errors.tsx';
import { FormFooter } from '../../ui/form-footer.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useSignedIn } from '../auth/session.tsx';
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
  // The page replaces the form with the issued key on success.
  const save = useAction({ keepBusyOnSuccess: true });
  const messages = fieldMessages(save.error);

  const submit = save.handleSubmit(async () => {
    const issued = await api.issueLicense(props.accountId, {
      organizationId,
      policyId,
      ...(name.trim() ? { name: name.trim() } : {}),
    });
    props.onIssued(issued);
  });

  return (
    <form className="card form-grid form-grid-3" onSubmit={submit} data-testid="issue-license-form">
      <h2 className="card-title full-row">Issue a license</h2>
      <SelectField
        label="Organization"
        value={organizationId}
        onChange={setOrganizationId}
        options={lookups.organizations}
        placeholder="Choose a customer…"
        testId="issue-organization"
      >
        <FieldError messages={messages} name="organizationId" />
      </SelectField>
      <SelectField
        label="Policy"
        value={policyId}
        onChange={setPolicyId}
        options={lookups.policies.map((policy) => ({
          id: policy.id,
          name: `${lookups.name('product', policy.productId)} — ${policy.name} (${policy.model})`,
        }))}
        placeholder="Choose a policy…"
        testId="issue-policy"
      >
        <FieldError messages={messages} name="policyId" />
      </SelectField>
      <TextField
        label="Name (optional)"
        value={name}
        onChange={setName}
        maxLength={200}
        placeholder="e.g. Globex — design team"
        testId="issue-name"
      >
        <FieldError messages={messages} name="name" />
      </TextField>
      <FormFooter
        error={save.error}
        errorTestId="issue-license-error"
        onCancel={props.onCancel}
        busy={save.busy}
        incomplete={!organizationId || !policyId}
        submitTestId="issue-license"
        label="Issue license"
        busyLabel="Issuing…"
      />
    </form>
  );
}
