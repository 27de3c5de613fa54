// Approval requests (license and machine transfers) decided by a second person. Every method takes
// the account id explicitly; machine transfer requests are filed by the machine repository.
import { type Kysely, sql } from 'kysely';
import type { ApprovalRequestsTable, Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';

export type ApprovalKind = ApprovalRequestsTable['kind'];
export type ApprovalStatus = ApprovalRequestsTable['status'];

export interface ApprovalRow {
  id: string;
  accountId: string;
  licenseId: string;
  kind: ApprovalKind;
  status: ApprovalStatus;
  payload: Record<string, unknown>;
  requestedBy: string;
  decidedBy: string | null;
  /** Why it was requested. */
  reason: string | null;
  /** Why it was approved or rejected. */
  decisionReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

const columns = [
  'id',
  'account_id as accountId',
  'license_id as licenseId',
  'kind',
  'status',
  sql<Record<string, unknown>>`payload`.as('payload'),
  'requested_by as requestedBy',
  'decided_by as decidedBy',
  'reason',
  'decision_reason as decisionReason',
  'created_at as createdAt',
  'decided_at as decidedAt',
] as const;

export const approvalRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: Pick<ApprovalRow, 'id' | 'licenseId' | 'kind' | 'payload' | 'requestedBy' | 'reason'>,
    at: Date,
  ): Promise<ApprovalRow> {
    return db
      .insertInto('approval_requests')
      .values({
        id: row.id,
        account_id: accountId,
        license_id: row.licenseId,
        kind: row.kind,
        status: 'PENDING',
        payload: JSON.stringify(row.payload),
        requested_by: row.requestedBy,
        reason: row.reason,
        created_at: at,
        decided_at: null,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /** The request locked until the transaction ends: two deciders cannot both decide it. */
  async getForUpdate(db: Kysely<Schema>, accountId: string, id: string): Promise<ApprovalRow | undefined> {
    return db
      .selectFrom('approval_requests')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  /** Requests of an account, optionally of some licenses only (an organization's), oldest first. */
  async list(
    db: Kysely<Schema>,
    accountId: string,
    filters: { status?: ApprovalStatus | undefined; organizationId?: string | undefined },
    page: PageRequest,
  ): Promise<Page<ApprovalRow>> {
    let q = db.selectFrom('approval_requests').select(columns).where('account_id', '=', accountId);
    if (filters.status) q = q.where('status', '=', filters.status);
    if (filters.organizationId) {
      const org = filters.organizationId;
      q = q.where('license_id', 'in', (eb) =>
        eb
          .selectFrom('licenses')
          .select('id')
          .where('account_id', '=', accountId)
          .where('organization_id', '=', org),
      );
    }
    return keysetPage(q, 'id', page);
  },

  async decide(
    db: Kysely<Schema>,
    accountId: string,
    id: string,
    decision: { status: 'APPROVED' | 'REJECTED'; decidedBy: string; reason: string | null },
    at: Date,
  ): Promise<ApprovalRow> {
    return db
      .updateTable('approval_requests')
      .set({
        status: decision.status,
        decided_by: decision.decidedBy,
        decided_at: at,
        decision_reason: decision.reason,
      })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
  },
};
