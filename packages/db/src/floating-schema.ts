// Kysely's view of floating licenses (migration 0006_floating.sql): pools, slot keys, leases, the
// queue and its holds, per-license options and the event log.
import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp, Updatable } from './column-schema.ts';

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

// Who asks for the seats and how many: migration 0006 repeats these columns in floating_leases and
// floating_queue, so both row types share one declaration.
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

/** The floating-license tables, merged into the Schema interface in schema.ts. */
export interface FloatingSchema {
  floating_pools: FloatingPoolsTable;
  floating_slots: FloatingSlotsTable;
  floating_leases: FloatingLeasesTable;
  floating_queue: FloatingQueueTable;
  floating_options: FloatingOptionsTable;
  floating_events: FloatingEventsTable;
}
