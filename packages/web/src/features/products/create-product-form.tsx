// The form that adds a product: code, name, kind, the base products an add-on requires, and the
// generation and rank used when licenses of several products overlap.
import { useState } from 'react';
import type { Product, ProductKind } from '../../api/api-types.ts';
import { FieldError, fieldMessages } from '../../ui/field-errors.tsx';
import { FormFooter } from '../../ui/form-footer.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useSignedIn } from '../auth/session.tsx';

const KINDS: { id: ProductKind; name: string }[] = [
  { id: 'BASE', name: 'Base product' },
  { id: 'ADD_ON', name: 'Add-on (needs a base license)' },
];

export function CreateProductForm(props: {
  accountId: string;
  products: readonly Product[];
  onCreated: (product: Product) => void;
  onCancel: () => void;
}) {
  const { api } = useSignedIn();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProductKind>('BASE');
  const [requires, setRequires] = useState<string[]>([]);
  const [generation, setGeneration] = useState('1');
  const [rank, setRank] = useState('0');
  // The page closes the form on success.
  const save = useAction({ keepBusyOnSuccess: true });
  const bases = props.products.filter((p) => p.kind === 'BASE');
  const messages = fieldMessages(save.error);

  const submit = save.handleSubmit(async () => {
    const product = await api.createProduct(props.accountId, {
      code: code.trim(),
      name: name.trim(),
      kind,
      ...(kind === 'ADD_ON' ? { requiresProductIds: requires } : {}),
      generation: Number(generation),
      rank: Number(rank),
    });
    props.onCreated(product);
  });

  return (
    <form className="card form-grid" onSubmit={submit} data-testid="create-product-form">
      <h2 className="card-title full-row">New product</h2>
      <TextField
        label="Code"
        value={code}
        onChange={setCode}
        maxLength={200}
        placeholder="Lowercase slug, e.g. acme-studio"
        testId="product-code"
      >
        <FieldError messages={messages} name="code" />
      </TextField>
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        maxLength={400}
        placeholder="Acme Studio"
        testId="product-name"
      >
        <FieldError messages={messages} name="name" />
      </TextField>
      <SelectField label="Kind" value={kind} onChange={setKind} options={KINDS} testId="product-kind" />
      <div className="field-pair">
        <TextField label="Generation" type="number" min={1} value={generation} onChange={setGeneration}>
          <FieldError messages={messages} name="generation" />
        </TextField>
        <TextField label="Rank" type="number" min={0} value={rank} onChange={setRank}>
          <FieldError messages={messages} name="rank" />
        </TextField>
      </div>
      {kind === 'ADD_ON' && (
        <fieldset className="field roles full-row">
          <legend>Required base product (one of)</legend>
          {bases.length === 0 && <span className="muted">Create a base product first.</span>}
          {bases.map((base) => (
            <label key={base.id} className="check">
              <input
                type="checkbox"
                checked={requires.includes(base.id)}
                onChange={(e) =>
                  setRequires(
                    e.target.checked ? [...requires, base.id] : requires.filter((id) => id !== base.id),
                  )
                }
                data-testid={`requires-${base.code}`}
              />
              <span className="strong">{base.name}</span>
              <span className="mono faint">{base.code}</span>
            </label>
          ))}
          <FieldError messages={messages} name="requiresProductIds" />
        </fieldset>
      )}
      <FormFooter
        error={save.error}
        errorTestId="create-product-error"
        onCancel={props.onCancel}
        busy={save.busy}
        incomplete={!code.trim() || !name.trim()}
        submitTestId="create-product"
        label="Create product"
        busyLabel="Creating…"
      />
    </form>
  );
}
