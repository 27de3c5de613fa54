// Effective license allocation (MISSION D6): who holds what, and which of it is effective.
// group-store.ts and assignment-classes.ts are the index's internals and stay unexported.
export * from './affected-people.ts';
export * from './allocation-index.ts';
export * from './allocation-product.ts';
export * from './assignment-graph.ts';
export * from './consumption-csv.ts';
export * from './consumption-report.ts';
export * from './decision-cache.ts';
export * from './effective-license.ts';
export * from './expand-groups.ts';
export * from './license-product.ts';
export * from './nesting-cycle.ts';
export * from './product-changes.ts';
export * from './release-rules.ts';
export * from './resolve-assignments.ts';
export * from './vendor-products.ts';
