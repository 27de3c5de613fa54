// The catalog of a vendor account: products (base and add-on) with a create form; a product's row
// opens its detail (`#/products/<accountId>/<productId>`) with releases and features.
import { useState } from 'react';
import { ErrorBanner, ListEnd, PageHeader } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { AccountPicker } from '../shell/account-picker.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { useChosenAccount } from './chosen-account.ts';
import { CreateProductForm } from './create-product-form.tsx';
import { ProductDetail } from './product-detail.tsx';

export function ProductsPage() {
  const [accountId, productId] = useHashPath();
  if (accountId && productId) return <ProductDetail accountId={accountId} productId={productId} />;
  return <ProductList />;
}

function ProductList() {
  const { api, can } = useSignedIn();
  const [accountId, setAccountId] = useChosenAccount();
  const [creating, setCreating] = useState(false);
  const list = usePagedList(
    (cursor) =>
      accountId
        ? api.listProducts(accountId, { limit: 100, cursor })
        : Promise.resolve({ data: [], nextCursor: null }),
    `products:${accountId}`,
  );
  const names = new Map(list.items.map((p) => [p.id, p.name]));

  return (
    <>
      <PageHeader
        title="Products"
        description="What the account sells: base products and add-ons, each with releases and features."
        actions={
          <>
            <AccountPicker value={accountId} onChange={setAccountId} />
            {can('catalog:write') && !creating && (
              <button
                type="button"
                className="button button-primary"
                disabled={!accountId}
                onClick={() => setCreating(true)}
                data-testid="new-product"
              >
                New product
              </button>
            )}
          </>
        }
      />
      {creating && (
        <CreateProductForm
          accountId={accountId}
          products={list.items}
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            list.reload();
          }}
        />
      )}
      <ErrorBanner error={list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="products-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Code</th>
              <th>Kind</th>
              <th>Requires</th>
              <th>Generation</th>
              <th>Rank</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((product) => (
              <tr key={product.id} data-testid="product-row" data-product-id={product.id}>
                <td>
                  <a
                    className="strong"
                    href={`#/products/${product.accountId}/${product.id}`}
                    data-testid="open-product"
                  >
                    {product.name}
                  </a>
                </td>
                <td className="mono">{product.code}</td>
                <td>
                  <span className={product.kind === 'BASE' ? 'badge badge-account' : 'badge badge-info'}>
                    {product.kind === 'BASE' ? 'Base' : 'Add-on'}
                  </span>
                </td>
                <td>{product.requiresProductIds.map((id) => names.get(id) ?? id).join(', ') || '—'}</td>
                <td>{product.generation}</td>
                <td>{product.rank}</td>
                <td>{formatDateTime(product.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListEnd list={list} empty={accountId ? 'No products yet.' : 'Choose an account first.'} />
      </section>
    </>
  );
}
