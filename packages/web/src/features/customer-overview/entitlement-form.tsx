// The vendor adds an entitlement to a customer: an integration, an organization-wide add-on, an
// extra database instance or purchased user licenses (USER, LIGHT or MEMBER), with quantity and
// term. Integrations and add-ons need a plan that includes them (NOT_INCLUDED_IN_PLAN otherwise).
import { type FormEvent, useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { EntitlementKind } from '../../api/organization-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
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

const dateInput = (value: string) => (value ? new Date(`${value}T00:00:00Z`).toISOString() : undefined);

export function EntitlementForm(props: { scope: OrgScope; onAdded: () => void; onCancel: () => void }) {
  const { api } = useSignedIn();
  const [kind, setKind] = useState<EntitlementKind>('INTEGRATION');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const preset = KINDS.find((k) => k.kind === kind)!;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.createEntitlement(props.scope, {
        kind,
        code: code.trim() || preset.code,
        name: name.trim() || preset.name,
        quantity: Number(quantity),
        ...(startsAt ? { startsAt: dateInput(startsAt) } : {}),
        ...(endsAt ? { endsAt: dateInput(endsAt) } : {}),
      });
      props.onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid form-grid-3" onSubmit={submit} data-testid="entitlement-form">
      <label className="field">
        <span>Kind</span>
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as EntitlementKind);
            setCode('');
          }}
          data-testid="entitlement-kind"
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'USER_LICENSE' ? (
        <label className="field">
          <span>Type</span>
          <select
            value={code || 'USER'}
            onChange={(e) => setCode(e.target.value)}
            data-testid="entitlement-code"
          >
            <option value="USER">USER</option>
            <option value="LIGHT">LIGHT</option>
            <option value="MEMBER">MEMBER</option>
          </select>
        </label>
      ) : (
        <label className="field">
          <span>Code</span>
          <input
            value={code}
            placeholder={preset.code}
            maxLength={64}
            onChange={(e) => setCode(e.target.value)}
            data-testid="entitlement-code"
          />
        </label>
      )}
      <label className="field">
        <span>Name</span>
        <input
          value={name}
          placeholder={preset.name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          data-testid="entitlement-name"
        />
      </label>
      <label className="field">
        <span>Quantity</span>
        <input
          type="number"
          min={0}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          data-testid="entitlement-quantity"
        />
      </label>
      <label className="field">
        <span>
          Starts <span className="hint">empty: now</span>
        </span>
        <input type="date" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
      </label>
      <label className="field">
        <span>
          Ends <span className="hint">empty: open-ended</span>
        </span>
        <input type="date" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
      </label>
      <div className="full-row">
        <ProblemBanner error={error} testId="entitlement-error" />
      </div>
      <FormFooter
        error={null}
        errorTestId="entitlement-error-footer"
        onCancel={props.onCancel}
        busy={busy}
        incomplete={quantity === '' || Number(quantity) < 0}
        submitTestId="add-entitlement"
        label="Add"
        busyLabel="Adding…"
      />
    </form>
  );
}
