// A product's features: the entitlements policies and licenses can grant, each with an optional
// default value (a limit, a flag or a tier), with an add form.
import { type FormEvent, useState } from 'react';
import { EmptyState, ErrorBanner, LoadMore } from '../../ui/feedback.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { FieldError, fieldMessages } from '../policies/field-errors.tsx';
import { formatFeatureValue, parseFeatureValue } from './feature-value.ts';

export function FeatureList(props: { accountId: string; productId: string }) {
  const { api, can } = useSignedIn();
  const { accountId, productId } = props;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const list = usePagedList(
    (cursor) => api.listFeatures(accountId, productId, { limit: 100, cursor }),
    `features:${accountId}:${productId}`,
  );
  const messages = fieldMessages(error);

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const parsed = parseFeatureValue(value);
      await api.createFeature(accountId, productId, {
        code: code.trim(),
        name: name.trim(),
        ...(parsed === undefined ? {} : { value: parsed }),
      });
      setCode('');
      setName('');
      setValue('');
      list.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="features-card">
      <h2 className="card-title">Features</h2>
      {can('catalog:write') && (
        <form className="inline-form form-spaced" onSubmit={add} data-testid="add-feature-form">
          <label className="field field-grow">
            <span>Code</span>
            <input
              value={code}
              placeholder="EXPORT_PDF"
              maxLength={200}
              onChange={(e) => setCode(e.target.value)}
              data-testid="feature-code"
            />
            <FieldError messages={messages} name="code" />
          </label>
          <label className="field field-grow">
            <span>Name</span>
            <input
              value={name}
              placeholder="PDF export"
              maxLength={400}
              onChange={(e) => setName(e.target.value)}
              data-testid="feature-name"
            />
            <FieldError messages={messages} name="name" />
          </label>
          <label className="field field-narrow">
            <span>Value (optional)</span>
            <input
              value={value}
              placeholder="10, true…"
              maxLength={200}
              onChange={(e) => setValue(e.target.value)}
              data-testid="feature-value"
            />
            <FieldError messages={messages} name="value" />
          </label>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !code.trim() || !name.trim()}
            data-testid="add-feature"
          >
            Add feature
          </button>
        </form>
      )}
      <ErrorBanner error={error} />
      <ErrorBanner error={list.error} />
      <table className="table table-compact" data-testid="features-table">
        <thead>
          <tr>
            <th>Code</th>
            <th>Name</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((feature) => (
            <tr key={feature.id} data-testid="feature-row">
              <td className="mono strong">{feature.code}</td>
              <td>{feature.name}</td>
              <td className="mono">{formatFeatureValue(feature.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && <EmptyState>No features yet.</EmptyState>}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />
    </section>
  );
}
