// Creates an environment: a name, its kind, and for test and training copies the production
// environment they attach to (and borrow licenses from). Plan limits (training, storage) answer
// NOT_INCLUDED_IN_PLAN, shown in the banner.
import { type FormEvent, useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { Environment, EnvironmentKind } from '../../api/organization-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';

const KINDS: { kind: EnvironmentKind; label: string }[] = [
  { kind: 'PRODUCTION', label: 'Production' },
  { kind: 'TEST', label: 'Test copy' },
  { kind: 'TRAINING', label: 'Training copy' },
  { kind: 'STORAGE', label: 'Storage (historical data)' },
];

export function CreateEnvironmentForm(props: {
  scope: OrgScope;
  productions: Environment[];
  onCreated: () => void;
  onCancel: () => void;
}) {
  const { api } = useSignedIn();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EnvironmentKind>('PRODUCTION');
  const [production, setProduction] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const attaches = kind === 'TEST' || kind === 'TRAINING';
  const productionId = production || props.productions[0]?.id || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.createEnvironment(props.scope, {
        name: name.trim(),
        kind,
        ...(attaches ? { productionEnvironmentId: productionId } : {}),
      });
      props.onCreated();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid form-grid-3" onSubmit={submit} data-testid="create-environment-form">
      <label className="field">
        <span>Name</span>
        <input
          value={name}
          maxLength={100}
          placeholder="e.g. Production test"
          onChange={(e) => setName(e.target.value)}
          data-testid="environment-name"
        />
      </label>
      <label className="field">
        <span>Kind</span>
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as EnvironmentKind)}
          data-testid="environment-kind"
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Attached to production</span>
        <select
          value={attaches ? productionId : ''}
          disabled={!attaches}
          onChange={(e) => setProduction(e.target.value)}
          data-testid="environment-production"
        >
          {!attaches && <option value="">— (stands alone)</option>}
          {attaches &&
            props.productions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </label>
      <div className="full-row">
        <ProblemBanner error={error} testId="create-environment-error" />
      </div>
      <FormFooter
        error={null}
        errorTestId="create-environment-error-footer"
        onCancel={props.onCancel}
        busy={busy}
        incomplete={!name.trim() || (attaches && !productionId)}
        submitTestId="create-environment"
        label="Create environment"
        busyLabel="Creating…"
      />
    </form>
  );
}
