// Kysely's view of issued licenses and their lifecycle (migration 0003_licensing.sql, with the
// columns 0004 and 0007 add): licenses, activated machines, amendments, approval requests and the
// validation history.
import type { ColumnType } from 'kysely';
import type { CreatedAt, Json, Timestamp, Updatable } from './column-schema.ts';

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

/** The license lifecycle tables, merged into the Schema interface in schema.ts. */
export interface LicensingSchema {
  licenses: LicensesTable;
  machines: MachinesTable;
  license_amendments: LicenseAmendmentsTable;
  approval_requests: ApprovalRequestsTable;
  validation_events: ValidationEventsTable;
}
