// The vendor adds an entitlement to a customer: an integration, an organization-wide add-on, an
// extra database instance or purchased user licenses (USER, LIGHT or MEMBER), with quantity and
// term. Integrations and add-ons need a plan that includes them (NOT_INCLUDED_IN_PLAN otherwise).
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { EntitlementKind } from '../../api/organization-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { codeOptions, SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';

const KINDS: { kind: EntitlementKind; label: string; code: string; name: string }[] = [
  { kind: 'INTEGRATION', label: 'Integration', code: 'sap-connector', name: 'SAP connector' },
  { kind: 'ADD_ON', label: 'Add-on', code: 'ai-assistant', name: 'AI assistant' },
  {
    kind: 'DATABASE_INSTANCE',
    label: 'Database instance',
    code: 'db-instance',
    name: 'Extra database instance',
  },
  { kind: 'USER_LICENSE', label: 'User licenses', code: 'USER', name: 'User licenses' },
];

const USER_LICENSE_TYPES = codeOptions(['USER', 'LIGHT', 'MEMBER']);

/** A field caption with what leaving it empty means. */
const hinted = (caption: string, hint: string) => (
  <>
    {caption} <span className="hint">{hint}</span>
  </>
);

const dateInput = (value: string) => (value ? new Date(`${value}T00:00:00Z`).toISOString() : undefined);

export function EntitlementForm(props: { scope: OrgScope; onAdded: () => void; onCancel: () => void }) {
  const { api } = useSignedIn();
  const [kind, setKind] = useState<EntitlementKind>('INTEGRATION');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const save = useAction();
  const preset = KINDS.find((k) => k.kind === kind)!;

  const submit = save.handleSubmit(async () => {
    await api.createEntitlement(props.scope, {
      kind,
      code: code.trim() || preset.code,
      name: name.trim() || preset.name,
      quantity: Number(quantity),
      ...(startsAt ? { startsAt: dateInput(startsAt) } : {}),
      ...(endsAt ? { endsAt: dateInput(endsAt) } : {}),
    });
    props.onAdded();
  });

  return (
    <form className="card form-grid form-grid-3" onSubmit={submit} data-testid="entitlement-form">
      <SelectField
        label="Kind"
        value={kind}
        onChange={(next) => {
          setKind(next);
          setCode('');
        }}
        options={KINDS.map((k) => ({ id: k.kind, name: k.label }))}
        testId="entitlement-kind"
      />
      {kind === 'USER_LICENSE' ? (
        <SelectField
          label="Type"
          value={code || 'USER'}
          onChange={setCode}
          options={USER_LICENSE_TYPES}
          testId="entitlement-code"
        />
      ) : (
        <TextField
          label="Code"
          value={code}
          onChange={setCode}
          placeholder={preset.code}
          maxLength={64}
          testId="entitlement-code"
        />
      )}
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        placeholder={preset.name}
        maxLength={200}
        testId="entitlement-name"
      />
      <TextField
        label="Quantity"
        type="number"
        min={0}
        value={quantity}
        onChange={setQuantity}
        testId="entitlement-quantity"
      />
      <TextField label={hinted('Starts', 'empty: now')} type="date" value={startsAt} onChange={setStartsAt} />
      <TextField
        label={hinted('Ends', 'empty: open-ended')}
        type="date"
        value={endsAt}
        onChange={setEndsAt}
      />
      <div className="full-row">
        <ProblemBanner error={save.error} testId="entitlement-error" />
      </div>
      <FormFooter
        error={null}
        errorTestId="entitlement-error-footer"
        onCancel={props.onCancel}
        busy={save.busy}
        incomplete={quantity === '' || Number(quantity) < 0}
        submitTestId="add-entitlement"
        label="Add"
        busyLabel="Adding…"
      />
    </form>
  );
}
