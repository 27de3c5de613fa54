// Kysely's view of the compliance tables (migration 0011_compliance.sql): license compliance state,
// daily counted users, harvesting groups, agents and idle reports; and the license-server columns
// 0011 adds to migration 0009's table.
import type { ColumnType } from 'kysely';
import type { CreatedAt, Updatable } from './column-schema.ts';

// Unlike column-schema's Json, optional on insert (the column has a default).
type JsonColumn = ColumnType<unknown, string | undefined, string>;

export type ComplianceModeColumn = 'NORMAL' | 'GRACE' | 'LIGHT_RESTRICTED' | 'RESTRICTED';
export type CountScope = 'ORGANIZATION' | 'LICENSE';

export interface LicenseComplianceTable {
  license_id: string;
  account_id: string;
  organization_id: string;
  mode: Updatable<ComplianceModeColumn>;
  reason: Updatable<string>;
  since: Date;
  grace_started_at: Updatable<Date | null>;
  grace_period_days: Updatable<number>;
  count_scope: Updatable<CountScope>;
  extension_user_limit: Updatable<number | null>;
  extension_until: Updatable<Date | null>;
  counted_users: Updatable<number>;
  user_limit: Updatable<number | null>;
  problems: JsonColumn;
  software_version: Updatable<string | null>;
  software_seen_at: Updatable<Date | null>;
  evaluated_at: Updatable<Date | null>;
}

export interface ComplianceUserCountsTable {
  license_id: string;
  day: string;
  account_id: string;
  organization_id: string;
  counted_users: number;
  user_limit: number | null;
  mode: string;
}

export interface HarvestingGroupsTable {
  id: string;
  account_id: string;
  organization_id: string;
  name: string;
  idle_minutes: Updatable<number>;
  created_at: CreatedAt;
}

export interface HarvestingAgentsTable {
  id: string;
  account_id: string;
  organization_id: string;
  host: string;
  registered_at: Date;
  last_report_at: Updatable<Date | null>;
  harvesting_group_id: Updatable<string | null>;
  harvesting_enabled: Updatable<boolean>;
  harvesting_since: Updatable<Date | null>;
}

export interface AgentIdleReportsTable {
  id: string;
  account_id: string;
  organization_id: string;
  agent_id: string;
  lease_id: string;
  application: string | null;
  idle_seconds: number;
  outcome: string;
  reported_at: Date;
}

/** The compliance tables, merged into the Schema interface in schema.ts. */
export interface ComplianceSchema {
  license_compliance: LicenseComplianceTable;
  compliance_user_counts: ComplianceUserCountsTable;
  harvesting_groups: HarvestingGroupsTable;
  harvesting_agents: HarvestingAgentsTable;
  agent_idle_reports: AgentIdleReportsTable;
}

// Migration 0011 adds these columns to 0009's license_servers; declared by merging into its table type.
declare module './usage-schema.ts' {
  interface LicenseServersTable {
    version_released_at: Updatable<Date | null>;
    last_error_at: Updatable<Date | null>;
    last_error: Updatable<string | null>;
  }
}
