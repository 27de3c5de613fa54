// Kysely's view of the tables (snake_case, as in the SQL migrations).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Timestamp = ColumnType<Date, Date, Date>;

export interface AccountsTable {
  id: string;
  name: string;
  is_default: Generated<boolean>;
  created_at: CreatedAt;
  deleted_at: ColumnType<Date | null, never, Date>;
}

export interface OrganizationsTable {
  id: string;
  account_id: string;
  name: string;
  created_at: CreatedAt;
  deleted_at: ColumnType<Date | null, never, Date>;
}

export interface ApiTokensTable {
  id: string;
  kind: 'operator' | 'account' | 'organization' | 'product';
  account_id: string | null;
  product_id: ColumnType<string | null, string | null | undefined, never>;
  organization_id: string | null;
  name: string;
  roles: string[];
  token_hash: string;
  hint: string;
  created_by: string | null;
  expires_at: Timestamp | null;
  revoked_at: ColumnType<Date | null, never, Date>;
  created_at: CreatedAt;
}

export interface AuditChainHeadsTable {
  chain_id: string;
  seq: number;
  hash: string;
}

export interface AuditEventsTable {
  id: string;
  chain_id: string;
  seq: number;
  occurred_at: Timestamp;
  actor_type: string;
  actor_id: string;
  action: string;
  target_type: string;
  target_id: string;
  changes: ColumnType<unknown, string, never>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface SigningKeysTable {
  id: string;
  account_id: string;
  algorithm: Generated<string>;
  public_key_x: string;
  private_key_encrypted: string;
  status: 'ACTIVE' | 'VERIFY_ONLY' | 'RETIRED';
  created_at: CreatedAt;
  rotated_at: ColumnType<Date | null, never, Date>;
  retired_at: ColumnType<Date | null, never, Date>;
}

type Json = ColumnType<unknown, string, string>;
type Updatable<T> = ColumnType<T, T | undefined, T>;

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

export interface LicensesTable {
  id: string;
  account_id: string;
  organization_id: string;
  product_id: string;
  policy_id: string;
  key_hash: string;
  key_sealed: string;
  key_hint: string;
  name: string | null;
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  model: string;
  issued_at: Timestamp;
  starts_at: Timestamp;
  expires_at: Timestamp | null;
  maintenance_ends_at: Timestamp | null;
  trial_activated_at: Timestamp | null;
  overrides: Json;
  bound_fingerprints: Updatable<string[]>;
  metadata: Json;
  revision: Updatable<number>;
  last_validated_at: ColumnType<Date | null, never, Date>;
  created_at: CreatedAt;
  updated_at: Updatable<Date>;
}

export interface MachinesTable {
  id: string;
  account_id: string;
  license_id: string;
  fingerprint: string;
  hostname: string | null;
  platform: string | null;
  components: Json;
  activated_at: Timestamp;
  deactivated_at: ColumnType<Date | null, never, Date>;
  last_seen_at: ColumnType<Date | null, Date | null, Date>;
}

export interface LicenseAmendmentsTable {
  id: string;
  account_id: string;
  license_id: string;
  kind: 'UPGRADE' | 'DOWNGRADE' | 'SEAT_CHANGE' | 'RENEWAL' | 'TRIAL_CONVERSION';
  from_policy_id: string | null;
  to_policy_id: string | null;
  credit_cents: number;
  charge_cents: number;
  net_cents: number;
  term_start: Timestamp | null;
  term_end: Timestamp | null;
  details: Json;
  created_at: CreatedAt;
}

export interface ApprovalRequestsTable {
  id: string;
  account_id: string;
  license_id: string;
  kind: 'LICENSE_TRANSFER' | 'MACHINE_TRANSFER';
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  payload: Json;
  requested_by: string;
  decided_by: string | null;
  reason: string | null;
  decision_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  decided_at: Timestamp | null;
}

export interface ValidationEventsTable {
  id: string;
  account_id: string;
  license_id: string;
  occurred_at: Timestamp;
  code: string;
  valid: boolean;
  fingerprint: string | null;
  version: string | null;
  details: Json;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface Schema {
  accounts: AccountsTable;
  organizations: OrganizationsTable;
  api_tokens: ApiTokensTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_events: AuditEventsTable;
  schema_migrations: SchemaMigrationsTable;
  signing_keys: SigningKeysTable;
  products: ProductsTable;
  releases: ReleasesTable;
  features: FeaturesTable;
  policies: PoliciesTable;
  licenses: LicensesTable;
  machines: MachinesTable;
  license_amendments: LicenseAmendmentsTable;
  approval_requests: ApprovalRequestsTable;
  validation_events: ValidationEventsTable;
}
