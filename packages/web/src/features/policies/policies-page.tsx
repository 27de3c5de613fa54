// Policies of a vendor account (license templates), filtered by product and license model, with
// a create form covering the model and every main term.
import { useState } from 'react';
import { LICENSE_MODELS } from '../../api/api-types.ts';
import { ErrorBanner, ListEnd, PageHeader } from '../../ui/feedback.tsx';
import { codeOptions, Picker } from '../../ui/select-field.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { useChosenAccount } from '../products/chosen-account.ts';
import { AccountPicker } from '../shell/account-picker.tsx';
import { CreatePolicyForm } from './create-policy-form.tsx';
import { formatDuration, formatLimit, formatPrice } from './policy-format.ts';

export function PoliciesPage() {
  const { api, can } = useSignedIn();
  const [accountId, setAccountId] = useChosenAccount();
  const [productId, setProductId] = useState('');
  const [model, setModel] = useState('');
  const [creating, setCreating] = useState(false);
  const products = useResource(
    () =>
      accountId
        ? api.listProducts(accountId, { limit: 200 })
        : Promise.resolve({ data: [], nextCursor: null }),
    `products:${accountId}`,
  );
  const list = usePagedList(
    (cursor) =>
      accountId
        ? api.listPolicies(accountId, { productId, model, limit: 100, cursor })
        : Promise.resolve({ data: [], nextCursor: null }),
    `policies:${accountId}:${productId}:${model}`,
  );
  const productList = products.data?.data ?? [];
  const productName = new Map(productList.map((p) => [p.id, p.name]));

  function changeAccount(next: string) {
    setAccountId(next);
    setProductId(''); // A product belongs to one account.
  }

  return (
    <>
      <PageHeader
        title="Policies"
        description="License templates: the model and terms a license is issued with."
        actions={
          <>
            <AccountPicker value={accountId} onChange={changeAccount} />
            {can('catalog:write') && !creating && (
              <button
                type="button"
                className="button button-primary"
                disabled={!accountId || products.loading}
                onClick={() => setCreating(true)}
                data-testid="new-policy"
              >
                New policy
              </button>
            )}
          </>
        }
      />
      {creating && (
        <CreatePolicyForm
          accountId={accountId}
          products={productList}
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            list.reload();
          }}
        />
      )}
      <div className="filters" data-testid="policy-filters">
        <Picker
          label="Product"
          value={productId}
          onChange={setProductId}
          options={productList}
          placeholder="All products"
          testId="filter-product"
        />
        <Picker
          label="Model"
          value={model}
          onChange={setModel}
          options={codeOptions(LICENSE_MODELS)}
          placeholder="All models"
          testId="filter-model"
        />
      </div>
      <ErrorBanner error={products.error} />
      <ErrorBanner error={list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="policies-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Product</th>
              <th>Model</th>
              <th>Duration</th>
              <th>Machines</th>
              <th>Overage</th>
              <th>Entitlements</th>
              <th>Price</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((policy) => (
              <tr key={policy.id} data-testid="policy-row" data-policy-id={policy.id}>
                <td>
                  <span className="strong">{policy.name}</span>
                  <div className="mono faint">{policy.id}</div>
                </td>
                <td>{productName.get(policy.productId) ?? policy.productId}</td>
                <td>
                  <span className="badge badge-model">{policy.model}</span>
                </td>
                <td className="nowrap">{formatDuration(policy.durationIso)}</td>
                <td>{formatLimit(policy.maxMachines)}</td>
                <td>{policy.overage}</td>
                <td className="changes">{policy.entitlements.map((e) => e.code).join(', ') || '—'}</td>
                <td className="nowrap">{formatPrice(policy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListEnd list={list} empty={accountId ? 'No policies match.' : 'Choose an account first.'} />
      </section>
    </>
  );
}
