// Storage: PostgreSQL or embedded PGlite behind Kysely, plain SQL migrations, one repository per capability.
export * from './create-database.ts';
export * from './migrate.ts';
export * from './repositories/account-repository.ts';
export * from './repositories/audit-repository.ts';
export * from './repositories/organization-repository.ts';
export * from './repositories/page.ts';
export * from './repositories/product-repository.ts';
export * from './repositories/signing-key-repository.ts';
export * from './repositories/token-repository.ts';
export type * from './schema.ts';
