// The form that creates a policy (a license template) for one product: name and model first,
// then the terms. The server checks everything at once and each message lands at its field.
import { useState } from 'react';
import { LICENSE_MODELS, type Policy, type Product } from '../../api/api-types.ts';
import { FieldError, fieldMessages } from '../../ui/field-errors.tsx';
import { FormFooter } from '../../ui/form-footer.tsx';
import { codeOptions, SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { EMPTY_DRAFT, type PolicyDraft, toPolicyInput } from './policy-draft.ts';
import { PolicyTermFields } from './policy-term-fields.tsx';

export function CreatePolicyForm(props: {
  accountId: string;
  products: readonly Product[];
  onCreated: (policy: Policy) => void;
  onCancel: () => void;
}) {
  const { api } = useSignedIn();
  const [draft, setDraft] = useState<PolicyDraft>(() => ({
    ...EMPTY_DRAFT,
    productId: props.products[0]?.id ?? '',
  }));
  // The page closes the form on success.
  const save = useAction({ keepBusyOnSuccess: true });
  const messages = fieldMessages(save.error);
  const { accountId } = props;
  const features = useResource(
    () =>
      draft.productId
        ? api.listFeatures(accountId, draft.productId, { limit: 200 })
        : Promise.resolve({ data: [], nextCursor: null }),
    `features:${accountId}:${draft.productId}`,
  );

  function set<K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) {
    setDraft((old) => ({ ...old, [key]: value }));
  }

  const submit = save.handleSubmit(async () => {
    props.onCreated(await api.createPolicy(accountId, toPolicyInput(draft)));
  });

  return (
    <form className="card form-grid form-grid-3" onSubmit={submit} data-testid="create-policy-form">
      <h2 className="card-title full-row">New policy</h2>
      <SelectField
        label="Product"
        value={draft.productId}
        onChange={(next) => set('productId', next)}
        options={props.products}
        placeholder={props.products.length === 0 ? 'No products yet' : undefined}
        testId="policy-product"
      >
        <FieldError messages={messages} name="productId" />
      </SelectField>
      <TextField
        label="Name"
        value={draft.name}
        onChange={(next) => set('name', next)}
        maxLength={200}
        placeholder="Pro yearly"
        testId="policy-name"
      >
        <FieldError messages={messages} name="name" />
      </TextField>
      <SelectField
        label="Model"
        value={draft.model}
        onChange={(next) => set('model', next)}
        options={codeOptions(LICENSE_MODELS)}
        testId="policy-model"
      >
        <FieldError messages={messages} name="model" />
      </SelectField>
      <PolicyTermFields
        draft={draft}
        set={set}
        messages={messages}
        featureCodes={features.data?.data.map((f) => f.code) ?? []}
      />
      <FormFooter
        error={save.error}
        errorTestId="create-policy-error"
        onCancel={props.onCancel}
        busy={save.busy}
        incomplete={!draft.productId || !draft.name.trim()}
        submitTestId="create-policy"
        label="Create policy"
        busyLabel="Creating…"
      />
    </form>
  );
}
