// Kysely's view of change requests (migration 0008_change_requests.sql): the cases an organization
// opens with its vendor, numbered per account, their comment threads and the notifications they raise.
import type { ColumnType } from 'kysely';
import type { Json, Timestamp, Updatable } from './column-schema.ts';

// The last case number handed out per account; change requests take the next one.
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

/** The change-request tables, merged into the Schema interface in schema.ts. */
export interface ChangeRequestSchema {
  account_case_counters: AccountCaseCountersTable;
  change_requests: ChangeRequestsTable;
  change_request_comments: ChangeRequestCommentsTable;
  notifications: NotificationsTable;
}
