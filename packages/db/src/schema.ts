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
  kind: 'operator' | 'account' | 'organization';
  account_id: string | null;
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
}
