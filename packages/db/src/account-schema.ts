// Kysely's view of the vendor account (the tenant) and the tables that secure it: API tokens,
// per-account signing keys and the hash-chained audit log (migrations 0001, 0002, 0003, 0008).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './column-schema.ts';

export interface AccountsTable {
  id: string;
  name: string;
  is_default: Generated<boolean>;
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
  /** Organization tokens bound to a person (migration 0008). */
  person_id: ColumnType<string | null, string | null | undefined, never>;
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

/** The account, token, signing-key and audit tables, merged into the Schema interface in schema.ts. */
export interface AccountSchema {
  accounts: AccountsTable;
  api_tokens: ApiTokensTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_events: AuditEventsTable;
  signing_keys: SigningKeysTable;
}
