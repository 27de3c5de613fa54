// Effective license allocation (MISSION D6): who holds what, and which of it is effective.
export * from './affected-people.ts';
export * from './assignment-graph.ts';
export * from './effective-license.ts';
export * from './expand-groups.ts';
export * from './license-product.ts';
export * from './release-rules.ts';
export * from './resolve-assignments.ts';
