// Creates an environment: a name, its kind, and for test and training copies the production
// environment they attach to (and borrow licenses from). Plan limits (training, storage) answer
// NOT_INCLUDED_IN_PLAN, shown in the banner.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { Environment, EnvironmentKind } from '../../api/organization-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';

const KINDS: { id: EnvironmentKind; name: string }[] = [
  { id: 'PRODUCTION', name: 'Production' },
  { id: 'TEST', name: 'Test copy' },
  { id: 'TRAINING', name: 'Training copy' },
  { id: 'STORAGE', name: 'Storage (historical data)' },
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
  const save = useAction();
  const attaches = kind === 'TEST' || kind === 'TRAINING';
  const productionId = production || props.productions[0]?.id || '';

  const submit = save.handleSubmit(async () => {
    await api.createEnvironment(props.scope, {
      name: name.trim(),
      kind,
      ...(attaches ? { productionEnvironmentId: productionId } : {}),
    });
    props.onCreated();
  });

  return (
    <form className="card form-grid form-grid-3" onSubmit={submit} data-testid="create-environment-form">
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        maxLength={100}
        placeholder="e.g. Production test"
        testId="environment-name"
      />
      <SelectField label="Kind" value={kind} onChange={setKind} options={KINDS} testId="environment-kind" />
      {/* A standalone kind shows only the placeholder, disabled; an attached one lists productions. */}
      <SelectField
        label="Attached to production"
        value={attaches ? productionId : ''}
        disabled={!attaches}
        onChange={setProduction}
        options={attaches ? props.productions : []}
        placeholder={attaches ? undefined : '— (stands alone)'}
        testId="environment-production"
      />
      <div className="full-row">
        <ProblemBanner error={save.error} testId="create-environment-error" />
      </div>
      <FormFooter
        error={null}
        errorTestId="create-environment-error-footer"
        onCancel={props.onCancel}
        busy={save.busy}
        incomplete={!name.trim() || (attaches && !productionId)}
        submitTestId="create-environment"
        label="Create environment"
        busyLabel="Creating…"
      />
    </form>
  );
}
