// Kysely's view of the tables (snake_case, as in the SQL migrations), assembled from one file per
// capability. Importers keep using this module for Schema and the row types split out of it; the
// usage, allocation and compliance types are exported from index.ts directly, as before.
import type { AccountSchema } from './account-schema.ts';
import type { AllocationSchema } from './allocation-schema.ts';
import type { CatalogSchema } from './catalog-schema.ts';
import type { ChangeRequestSchema } from './change-request-schema.ts';
import type { CreatedAt } from './column-schema.ts';
import type { ComplianceSchema } from './compliance-schema.ts';
import type { CustomerOrgSchema } from './customer-org-schema.ts';
import type { FloatingSchema } from './floating-schema.ts';
import type { LicensingSchema } from './licensing-schema.ts';
import type { UsageSchema } from './usage-schema.ts';

export type * from './account-schema.ts';
export type * from './catalog-schema.ts';
export type * from './change-request-schema.ts';
export type * from './customer-org-schema.ts';
export type * from './floating-schema.ts';
export type * from './licensing-schema.ts';

// migrate.ts creates and fills this table itself (plain SQL, before any migration file runs), so it
// belongs to no capability; it stays here with the assembly.
export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface Schema
  extends AccountSchema,
    CatalogSchema,
    LicensingSchema,
    CustomerOrgSchema,
    ChangeRequestSchema,
    FloatingSchema,
    UsageSchema,
    ComplianceSchema,
    AllocationSchema {
  schema_migrations: SchemaMigrationsTable;
}
