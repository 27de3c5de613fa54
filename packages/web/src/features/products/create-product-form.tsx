// The form that adds a product: code, name, kind, the base products an add-on requires, and the
// generation and rank used when licenses of several products overlap.
import { type FormEvent, useState } from 'react';
import type { Product, ProductKind } from '../../api/api-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { useSignedIn } from '../auth/session.tsx';
import { FieldError, fieldMessages } from '../policies/field-errors.tsx';

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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const bases = props.products.filter((p) => p.kind === 'BASE');
  const messages = fieldMessages(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const product = await api.createProduct(props.accountId, {
        code: code.trim(),
        name: name.trim(),
        kind,
        ...(kind === 'ADD_ON' ? { requiresProductIds: requires } : {}),
        generation: Number(generation),
        rank: Number(rank),
      });
      props.onCreated(product);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} data-testid="create-product-form">
      <h2 className="card-title full-row">New product</h2>
      <label className="field">
        <span>Code</span>
        <input
          value={code}
          maxLength={200}
          placeholder="Lowercase slug, e.g. acme-studio"
          onChange={(e) => setCode(e.target.value)}
          data-testid="product-code"
        />
        <FieldError messages={messages} name="code" />
      </label>
      <label className="field">
        <span>Name</span>
        <input
          value={name}
          maxLength={400}
          placeholder="Acme Studio"
          onChange={(e) => setName(e.target.value)}
          data-testid="product-name"
        />
        <FieldError messages={messages} name="name" />
      </label>
      <label className="field">
        <span>Kind</span>
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as ProductKind)}
          data-testid="product-kind"
        >
          <option value="BASE">Base product</option>
          <option value="ADD_ON">Add-on (needs a base license)</option>
        </select>
      </label>
      <div className="field-pair">
        <label className="field">
          <span>Generation</span>
          <input type="number" min={1} value={generation} onChange={(e) => setGeneration(e.target.value)} />
          <FieldError messages={messages} name="generation" />
        </label>
        <label className="field">
          <span>Rank</span>
          <input type="number" min={0} value={rank} onChange={(e) => setRank(e.target.value)} />
          <FieldError messages={messages} name="rank" />
        </label>
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
        error={error}
        errorTestId="create-product-error"
        onCancel={props.onCancel}
        busy={busy}
        incomplete={!code.trim() || !name.trim()}
        submitTestId="create-product"
        label="Create product"
        busyLabel="Creating…"
      />
    </form>
  );
}
