// Kysely's view of the catalog (migration 0003_licensing.sql): what a vendor sells — products,
// their releases and features — and the policies whose terms licenses are issued under.
import type { ColumnType } from 'kysely';
import type { CreatedAt, Json, Timestamp, Updatable } from './column-schema.ts';

export interface ProductsTable {
  id: string;
  account_id: string;
  code: string;
  name: string;
  kind: 'BASE' | 'ADD_ON';
  requires_product_ids: Updatable<string[]>;
  generation: Updatable<number>;
  rank: Updatable<number>;
  audience: Updatable<'INTERNAL' | 'EXTERNAL'>;
  created_at: CreatedAt;
  deleted_at: ColumnType<Date | null, never, Date>;
}

export interface ReleasesTable {
  id: string;
  account_id: string;
  product_id: string;
  version: string;
  released_at: Timestamp;
  created_at: CreatedAt;
}

export interface FeaturesTable {
  id: string;
  account_id: string;
  product_id: string;
  code: string;
  name: string;
  value: ColumnType<unknown, string | null, string | null>;
  created_at: CreatedAt;
}

export interface PoliciesTable {
  id: string;
  account_id: string;
  product_id: string;
  name: string;
  model: string;
  spec: Json;
  created_at: CreatedAt;
  updated_at: Updatable<Date>;
  deleted_at: ColumnType<Date | null, never, Date>;
}

/** The catalog tables, merged into the Schema interface in schema.ts. */
export interface CatalogSchema {
  products: ProductsTable;
  releases: ReleasesTable;
  features: FeaturesTable;
  policies: PoliciesTable;
}
