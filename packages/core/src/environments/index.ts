// Environments (MISSION D1): kinds, attachment to production, and which products each is licensed for.
export * from './environment-rules.ts';
export * from './licensed-products.ts';
