// Kysely's view of a vendor's customer organizations (migrations 0001, 0007 and 0008): the
// organization, its environments and people, permission groups, entitlements, license seats and
// the privileges a person holds in the organization.
import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp, Updatable } from './column-schema.ts';

export interface OrganizationsTable {
  id: string;
  account_id: string;
  name: string;
  plan: Updatable<'STANDARD' | 'PROFESSIONAL' | 'ENTERPRISE'>;
  created_at: CreatedAt;
  deleted_at: ColumnType<Date | null, never, Date>;
}

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

// Migration 0008: a person's privileges within their organization.
export interface PersonPrivilegesTable {
  account_id: string;
  organization_id: string;
  person_id: string;
  privilege: 'SUPERVISOR' | 'LICENSING' | 'REPORTING';
  granted_at: CreatedAt;
}

/** The customer-organization tables, merged into the Schema interface in schema.ts. */
export interface CustomerOrgSchema {
  organizations: OrganizationsTable;
  environments: EnvironmentsTable;
  people: PeopleTable;
  environment_accounts: EnvironmentAccountsTable;
  permission_groups: PermissionGroupsTable;
  permission_group_members: PermissionGroupMembersTable;
  organization_entitlements: OrganizationEntitlementsTable;
  seat_assignments: SeatAssignmentsTable;
  person_privileges: PersonPrivilegesTable;
}
