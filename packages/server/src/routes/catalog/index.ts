// The vendor's catalog: products (base and add-on), their releases and their features.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { createFeature } from './create-feature.ts';
import { createProduct } from './create-product.ts';
import { createRelease } from './create-release.ts';
import { deleteFeature } from './delete-feature.ts';
import { deleteProduct } from './delete-product.ts';
import { deleteRelease } from './delete-release.ts';
import { getProduct } from './get-product.ts';
import { listFeatures } from './list-features.ts';
import { listProducts } from './list-products.ts';
import { listReleases } from './list-releases.ts';
import { updateProduct } from './update-product.ts';

export function registerCatalogRoutes(app: App, ctx: AppContext): void {
  createProduct(app, ctx);
  listProducts(app, ctx);
  getProduct(app, ctx);
  updateProduct(app, ctx);
  deleteProduct(app, ctx);
  createRelease(app, ctx);
  listReleases(app, ctx);
  deleteRelease(app, ctx);
  createFeature(app, ctx);
  listFeatures(app, ctx);
  deleteFeature(app, ctx);
}
