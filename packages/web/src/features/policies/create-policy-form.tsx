// The form that creates a policy (a license template) for one product: name and model first,
// then the terms. The server checks everything at once and each message lands at its field.
import { type FormEvent, useState } from 'react';
import { LICENSE_MODELS, type Policy, type Product } from '../../api/api-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { FieldError, fieldMessages } from './field-errors.tsx';
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const messages = fieldMessages(error);
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

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onCreated(await api.createPolicy(accountId, toPolicyInput(draft)));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid form-grid-3" onSubmit={submit} data-testid="create-policy-form">
      <h2 className="card-title full-row">New policy</h2>
      <label className="field">
        <span>Product</span>
        <select
          value={draft.productId}
          onChange={(e) => set('productId', e.target.value)}
          data-testid="policy-product"
        >
          {props.products.length === 0 && <option value="">No products yet</option>}
          {props.products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <FieldError messages={messages} name="productId" />
      </label>
      <label className="field">
        <span>Name</span>
        <input
          value={draft.name}
          maxLength={200}
          placeholder="Pro yearly"
          onChange={(e) => set('name', e.target.value)}
          data-testid="policy-name"
        />
        <FieldError messages={messages} name="name" />
      </label>
      <label className="field">
        <span>Model</span>
        <select
          value={draft.model}
          onChange={(e) => set('model', e.target.value as PolicyDraft['model'])}
          data-testid="policy-model"
        >
          {LICENSE_MODELS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <FieldError messages={messages} name="model" />
      </label>
      <PolicyTermFields
        draft={draft}
        set={set}
        messages={messages}
        featureCodes={features.data?.data.map((f) => f.code) ?? []}
      />
      <FormFooter
        error={error}
        errorTestId="create-policy-error"
        onCancel={props.onCancel}
        busy={busy}
        incomplete={!draft.productId || !draft.name.trim()}
        submitTestId="create-policy"
        label="Create policy"
        busyLabel="Creating…"
      />
    </form>
  );
}
