// Kysely's view of the usage-monitoring tables (migration 0009_usage.sql), kept apart from schema.ts
// so the capability's tables read as one unit.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp, Updatable } from './column-schema.ts';

export type LicenseServerStatus = 'ONLINE' | 'OFFLINE' | 'ERROR';
export type UsageSource = 'REALTIME' | 'FLEXNET_DEBUG' | 'LMSTAT' | 'CSV';

export interface LicenseServersTable {
  id: string;
  account_id: string;
  organization_id: string;
  name: string;
  hosts: Updatable<string[]>;
  vendor_daemons: Updatable<string[]>;
  time_zone: Updatable<string>;
  status: Updatable<LicenseServerStatus>;
  status_detail: Updatable<string | null>;
  version: Updatable<string | null>;
  enabled: Updatable<boolean>;
  last_polled_at: Updatable<Date | null>;
  created_at: CreatedAt;
  updated_at: Updatable<Date>;
}

export interface UsageSettingsTable {
  organization_id: string;
  account_id: string;
  usernames_case_sensitive: Updatable<boolean>;
  updated_at: Updatable<Date>;
}

export interface UsageEventsTable {
  id: Generated<number>;
  account_id: string;
  organization_id: string;
  source: UsageSource;
  kind: string;
  feature: string;
  username: string;
  username_key: string;
  host: string;
  occurred_at: Date;
  count: number;
  license_server_id: string | null;
  license_id: string | null;
  version: string | null;
  reason: string | null;
  dedupe_key: string;
}

export interface UsageUserLastSeenTable {
  organization_id: string;
  username_key: string;
  account_id: string;
  username: string;
  last_seen_at: Date;
  last_seen_day: string;
  prev_day: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UsageUserDaysTable {
  organization_id: string;
  day: string;
  users: number;
}

export interface UsageLicenseUserLastSeenTable extends UsageUserLastSeenTable {
  license_id: string;
}

export interface UsageLicenseUserDaysTable {
  license_id: string;
  day: string;
  users: number;
}

export interface UsageDenialDaysTable {
  organization_id: string;
  day: string;
  feature: string;
  username_key: string;
  account_id: string;
  username: string;
  denials: number;
  first_at: Date;
  last_at: Date;
}

// The realtime usage feed's cursor (migration 0013): the latest floating event time fed.
export interface UsageFeedCursorsTable {
  name: string;
  position: Timestamp;
  updated_at: Timestamp;
}

/** The usage tables, merged into the Schema interface in schema.ts. */
export interface UsageSchema {
  license_servers: LicenseServersTable;
  usage_settings: UsageSettingsTable;
  usage_events: UsageEventsTable;
  usage_user_last_seen: UsageUserLastSeenTable;
  usage_user_days: UsageUserDaysTable;
  usage_license_user_last_seen: UsageLicenseUserLastSeenTable;
  usage_license_user_days: UsageLicenseUserDaysTable;
  usage_denial_days: UsageDenialDaysTable;
  usage_feed_cursors: UsageFeedCursorsTable;
}
