// One product: its summary, its releases (version and date) and its features (entitlements that
// policies and licenses grant), each with a small add form for catalog writers.
import { ErrorBanner, PageHeader } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { FeatureList } from './feature-list.tsx';
import { ReleaseList } from './release-list.tsx';

export function ProductDetail(props: { accountId: string; productId: string }) {
  const { api } = useSignedIn();
  const { accountId, productId } = props;
  const product = useResource(
    () => api.getProduct(accountId, productId),
    `product:${accountId}:${productId}`,
  );
  const p = product.data;
  return (
    <>
      <a href="#/products" className="back-link" data-testid="back-to-products">
        ← Products
      </a>
      <PageHeader
        title={p?.name ?? 'Product'}
        description={p ? `${p.kind === 'BASE' ? 'Base product' : 'Add-on'} · code ${p.code}` : 'Loading…'}
      />
      <ErrorBanner error={product.error} />
      {p && (
        <section className="card" data-testid="product-summary">
          <dl className="kv">
            <div className="kv-row">
              <dt>ID</dt>
              <dd className="mono">{p.id}</dd>
            </div>
            <div className="kv-row">
              <dt>Generation · rank</dt>
              <dd>
                {p.generation} · {p.rank}
              </dd>
            </div>
            <div className="kv-row">
              <dt>Requires</dt>
              <dd className="mono">{p.requiresProductIds.join(', ') || '—'}</dd>
            </div>
            <div className="kv-row">
              <dt>Created</dt>
              <dd>{formatDateTime(p.createdAt)}</dd>
            </div>
          </dl>
        </section>
      )}
      <div className="detail-grid">
        <ReleaseList accountId={accountId} productId={productId} />
        <FeatureList accountId={accountId} productId={productId} />
      </div>
    </>
  );
}
