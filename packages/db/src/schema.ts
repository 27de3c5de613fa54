// Kysely's view of the tables (snake_case, as in the SQL migrations).
import type { ColumnType, Generated } from 'kysely';
import type { AllocationSchema } from './allocation-schema.ts';
import type { ComplianceSchema } from './compliance-schema.ts';
import type { UsageSchema } from './usage-schema.ts';

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
  plan: Updatable<'STANDARD' | 'PROFESSIONAL' | 'ENTERPRISE'>;
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
  environment_id: Updatable<string | null>;
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

// Customer organizations (migration 0007): environments, people, permission groups, entitlements, seats.
export interface EnvironmentsTable {
  id: string;
  account_id: string;
  organization_id: string;
  name: string;
  kind: 'PRODUCTION' | 'TEST' | 'TRAINING' | 'STORAGE';
  production_environment_id: string | null;
  created_at: CreatedAt;
}

export interface PeopleTable {
  id: string;
  account_id: string;
  organization_id: string;
  username: string;
  email: string;
  name: string;
  status: Updatable<'ACTIVE' | 'DISABLED'>;
  created_at: CreatedAt;
  updated_at: Updatable<Date>;
}

export interface EnvironmentAccountsTable {
  account_id: string;
  organization_id: string;
  environment_id: string;
  person_id: string;
  created_at: CreatedAt;
}

export interface PermissionGroupsTable {
  id: string;
  account_id: string;
  organization_id: string;
  environment_id: string;
  name: string;
  user_license_type: 'USER' | 'LIGHT' | 'MEMBER';
  created_at: CreatedAt;
}

export interface PermissionGroupMembersTable {
  account_id: string;
  group_id: string;
  person_id: string;
  created_at: CreatedAt;
}

export interface OrganizationEntitlementsTable {
  id: string;
  account_id: string;
  organization_id: string;
  kind: 'INTEGRATION' | 'ADD_ON' | 'DATABASE_INSTANCE' | 'USER_LICENSE';
  code: string;
  name: string;
  quantity: number;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SeatAssignmentsTable {
  account_id: string;
  organization_id: string;
  license_id: string;
  person_id: string;
  assigned_at: Timestamp;
}

// Floating licenses (migration 0006): pools, slot keys, leases, queue and holds, options, events.
export interface FloatingPoolsTable {
  id: string;
  account_id: string;
  organization_id: string;
  license_id: string;
  feature: string;
  seats: number;
  in_use: Generated<number>;
  borrowed: Generated<number>;
  queued: Generated<number>;
  next_due_at: Date | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Updatable<Date>;
}

export interface FloatingSlotsTable {
  pool_id: string;
  slot_no: number;
  occupant_id: string | null;
}

interface FloatingHolderColumns {
  count: number;
  user_name: string;
  host: string;
  group_name: string | null;
  department: string | null;
  ip: string | null;
  display: string | null;
  fingerprint: string | null;
  idempotency_key: string | null;
}

export interface FloatingLeasesTable extends FloatingHolderColumns {
  id: string;
  account_id: string;
  pool_id: string;
  license_id: string;
  feature: string;
  started_at: Timestamp;
  expires_at: Timestamp;
  last_active_at: Timestamp;
  borrowed_until: Timestamp | null;
  linger_until: Timestamp | null;
}

export interface FloatingQueueTable extends FloatingHolderColumns {
  id: string;
  account_id: string;
  pool_id: string;
  position: number | null;
  enqueued_at: Timestamp;
  last_heartbeat_at: Timestamp;
  granted_at: Timestamp | null;
  held_until: Timestamp | null;
}

export interface FloatingOptionsTable {
  license_id: string;
  account_id: string;
  options: Json;
  updated_at: Updatable<Date>;
}

export interface FloatingEventsTable {
  id: string;
  account_id: string;
  organization_id: string | null;
  license_id: string;
  feature: string;
  kind: 'OUT' | 'IN' | 'DENIED' | 'QUEUED' | 'DEQUEUED' | 'QUEUE_EXPIRED' | 'BORROW' | 'HEARTBEAT_MISSED';
  lease_id: string | null;
  count: number;
  user_name: string;
  host: string;
  department: string | null;
  group_name: string | null;
  reason: string | null;
  occurred_at: Timestamp;
  in_use_after: number;
  wait_ms: number | null;
}

// The realtime usage feed's cursor (migration 0013): the latest floating event time fed.
export interface UsageFeedCursorsTable {
  name: string;
  position: Timestamp;
  updated_at: Timestamp;
}

// Privileges and change requests (migration 0008).
export interface PersonPrivilegesTable {
  account_id: string;
  organization_id: string;
  person_id: string;
  privilege: 'SUPERVISOR' | 'LICENSING' | 'REPORTING';
  granted_at: CreatedAt;
}

export interface AccountCaseCountersTable {
  account_id: string;
  last_number: number;
}

export interface ChangeRequestsTable {
  id: string;
  account_id: string;
  organization_id: string;
  case_number: number;
  kind:
    | 'ADD_SEATS'
    | 'ADD_INTEGRATION'
    | 'RENAME_PRODUCT_DISPLAY_NAME'
    | 'MOVE_LICENSE_ENVIRONMENT'
    | 'OTHER';
  subject: string;
  description: string | null;
  payload: Json;
  status: Updatable<'OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'REJECTED'>;
  created_by_type: string;
  created_by_id: string;
  created_by_person_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChangeRequestCommentsTable {
  id: string;
  account_id: string;
  change_request_id: string;
  side: 'VENDOR' | 'ORGANIZATION';
  author_type: string;
  author_id: string;
  author_person_id: string | null;
  body: string;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  account_id: string;
  organization_id: string;
  audience: 'VENDOR' | 'ORGANIZATION';
  kind: string;
  change_request_id: string | null;
  message: string;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, never, Date>;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface Schema extends UsageSchema, ComplianceSchema, AllocationSchema {
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
  environments: EnvironmentsTable;
  people: PeopleTable;
  environment_accounts: EnvironmentAccountsTable;
  permission_groups: PermissionGroupsTable;
  permission_group_members: PermissionGroupMembersTable;
  organization_entitlements: OrganizationEntitlementsTable;
  seat_assignments: SeatAssignmentsTable;
  person_privileges: PersonPrivilegesTable;
  account_case_counters: AccountCaseCountersTable;
  change_requests: ChangeRequestsTable;
  change_request_comments: ChangeRequestCommentsTable;
  notifications: NotificationsTable;
  floating_pools: FloatingPoolsTable;
  floating_slots: FloatingSlotsTable;
  floating_leases: FloatingLeasesTable;
  floating_queue: FloatingQueueTable;
  floating_options: FloatingOptionsTable;
  floating_events: FloatingEventsTable;
  usage_feed_cursors: UsageFeedCursorsTable;
}
