// Kysely's view of the effective-license allocation tables (migration 0010_allocation.sql), kept apart
// from schema.ts so the capability's tables read as one unit.
import type { CreatedAt, Json, Updatable } from './column-schema.ts';

export type AllocationProductSource = 'IMPORT' | 'VENDOR';
export type AllocationTrigger =
  | 'GROUP_MEMBERSHIP'
  | 'GROUP_NESTING'
  | 'GROUP_DELETED'
  | 'ASSIGNMENT'
  | 'LICENSE_IMPORT'
  | 'VENDOR_REFRESH'
  | 'SERVER_START'
  | 'FULL';

export interface AllocationProductsTable {
  id: string;
  account_id: string;
  organization_id: string;
  code: string;
  name: string;
  kind: 'BASE' | 'ADD_ON';
  capabilities: string[];
  rank: number;
  generation: number;
  audience: 'INTERNAL' | 'EXTERNAL';
  requires_codes: Updatable<string[]>;
  quantity: number | null;
  user_license_type: Updatable<'USER' | 'LIGHT' | 'MEMBER'>;
  source: AllocationProductSource;
  updated_at: Updatable<Date>;
}

export interface AllocationGroupsTable {
  id: string;
  account_id: string;
  organization_id: string;
  kind: 'GROUP' | 'LICENSE_GROUP';
  name: string;
  created_at: CreatedAt;
}

export interface AllocationGroupPeopleTable {
  account_id: string;
  organization_id: string;
  group_id: string;
  person_id: string;
  created_at: CreatedAt;
}

export interface AllocationGroupNestingTable {
  account_id: string;
  organization_id: string;
  parent_group_id: string;
  child_group_id: string;
  created_at: CreatedAt;
}

export interface AllocationAssignmentsTable {
  id: string;
  account_id: string;
  organization_id: string;
  product_code: string;
  person_id: string | null;
  group_id: string | null;
  created_at: CreatedAt;
}

export interface AllocationEffectiveTable {
  person_id: string;
  account_id: string;
  organization_id: string;
  login_allowed: boolean;
  effective: string[];
  released: Json;
  decision_key: string;
  revision: Updatable<number>;
  computed_at: Date;
}

export interface AllocationRecomputesTable {
  id: string;
  account_id: string;
  organization_id: string;
  trigger: AllocationTrigger;
  people_reached: number;
  people_changed: number;
  duration_ms: number;
  created_at: Date;
}

export interface AllocationLoginRefusalsTable {
  id: string;
  account_id: string;
  organization_id: string;
  person_id: string;
  reasons: string[];
  occurred_at: Date;
}

export interface AllocationStateTable {
  organization_id: string;
  account_id: string;
  licenses_stale: Updatable<boolean>;
  updated_at: Updatable<Date>;
}

export interface AllocationSchema {
  allocation_products: AllocationProductsTable;
  allocation_groups: AllocationGroupsTable;
  allocation_group_people: AllocationGroupPeopleTable;
  allocation_group_nesting: AllocationGroupNestingTable;
  allocation_assignments: AllocationAssignmentsTable;
  allocation_effective: AllocationEffectiveTable;
  allocation_recomputes: AllocationRecomputesTable;
  allocation_login_refusals: AllocationLoginRefusalsTable;
  allocation_state: AllocationStateTable;
}
