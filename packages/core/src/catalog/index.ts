// The catalog capability: products, releases, features and their input validation.
export * from './catalog-types.ts';
export * from './compare-versions.ts';
export * from './field-errors.ts';
export * from './validate-feature.ts';
export * from './validate-product.ts';
export * from './validate-release.ts';
