// Change requests, their comments and the per-account case counter. Every method takes the account
// id; organization-side reads also pass the organization id, so a sibling's request is a missing one.
import { type Kysely, sql } from 'kysely';
import type { ChangeRequestCommentsTable, ChangeRequestsTable, Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';

export type ChangeRequestKindName = ChangeRequestsTable['kind'];

export interface ChangeRequestRow {
  id: string;
  accountId: string;
  organizationId: string;
  caseNumber: number;
  kind: ChangeRequestKindName;
  subject: string;
  description: string | null;
  payload: Record<string, unknown>;
  status: 'OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'REJECTED';
  createdByType: string;
  createdById: string;
  createdByPersonId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommentRow {
  id: string;
  changeRequestId: string;
  side: ChangeRequestCommentsTable['side'];
  authorType: string;
  authorId: string;
  authorPersonId: string | null;
  body: string;
  createdAt: Date;
}

export type NewChangeRequest = Omit<ChangeRequestRow, 'accountId' | 'caseNumber' | 'status' | 'updatedAt'>;
export type NewComment = Omit<CommentRow, 'createdAt'>;

const columns = [
  'id',
  'account_id as accountId',
  'organization_id as organizationId',
  'case_number as caseNumber',
  'kind',
  'subject',
  'description',
  sql<Record<string, unknown>>`payload`.as('payload'),
  'status',
  'created_by_type as createdByType',
  'created_by_id as createdById',
  'created_by_person_id as createdByPersonId',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

const commentColumns = [
  'id',
  'change_request_id as changeRequestId',
  'side',
  'author_type as authorType',
  'author_id as authorId',
  'author_person_id as authorPersonId',
  'body',
  'created_at as createdAt',
] as const;

export interface ChangeRequestFilters {
  organizationId?: string | undefined;
  status?: ChangeRequestRow['status'] | undefined;
}

export const MAX_COMMENTS_SHOWN = 500;

export const changeRequestRepository = {
  /**
   * The next case number of the account. Must run in the transaction that stores the request: the
   * upsert locks the counter row until commit, so concurrent requests take numbers one after the
   * other, and a rolled-back request gives its number back (no gaps, no duplicates).
   */
  async allocateCaseNumber(db: Kysely<Schema>, accountId: string): Promise<number> {
    const row = await db
      .insertInto('account_case_counters')
      .values({ account_id: accountId, last_number: 1 })
      .onConflict((oc) =>
        oc.column('account_id').doUpdateSet({ last_number: sql`account_case_counters.last_number + 1` }),
      )
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return row.last_number;
  },

  async insert(
    db: Kysely<Schema>,
    accountId: string,
    caseNumber: number,
    row: NewChangeRequest,
  ): Promise<ChangeRequestRow> {
    return db
      .insertInto('change_requests')
      .values({
        id: row.id,
        account_id: accountId,
        organization_id: row.organizationId,
        case_number: caseNumber,
        kind: row.kind,
        subject: row.subject,
        description: row.description,
        payload: JSON.stringify(row.payload),
        status: 'OPEN',
        created_by_type: row.createdByType,
        created_by_id: row.createdById,
        created_by_person_id: row.createdByPersonId,
        created_at: row.createdAt,
        updated_at: row.createdAt,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /** One request of the account (of one organization when given); `lock` holds it until commit. */
  async get(
    db: Kysely<Schema>,
    accountId: string,
    id: string,
    options: { organizationId?: string | undefined; lock?: boolean } = {},
  ): Promise<ChangeRequestRow | undefined> {
    let q = db
      .selectFrom('change_requests')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('id', '=', id);
    if (options.organizationId) q = q.where('organization_id', '=', options.organizationId);
    return (options.lock ? q.forUpdate() : q).executeTakeFirst();
  },

  /** Requests oldest first (the vendor's queue order), optionally of one organization or status. */
  async list(
    db: Kysely<Schema>,
    accountId: string,
    filters: ChangeRequestFilters,
    page: PageRequest,
  ): Promise<Page<ChangeRequestRow>> {
    let q = db.selectFrom('change_requests').select(columns).where('account_id', '=', accountId);
    if (filters.organizationId) q = q.where('organization_id', '=', filters.organizationId);
    if (filters.status) q = q.where('status', '=', filters.status);
    return keysetPage(q, 'id', page);
  },

  async setStatus(
    db: Kysely<Schema>,
    accountId: string,
    id: string,
    status: ChangeRequestRow['status'],
    at: Date,
  ): Promise<ChangeRequestRow> {
    return db
      .updateTable('change_requests')
      .set({ status, updated_at: at })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  async addComment(db: Kysely<Schema>, accountId: string, row: NewComment, at: Date): Promise<CommentRow> {
    await db
      .updateTable('change_requests')
      .set({ updated_at: at })
      .where('account_id', '=', accountId)
      .where('id', '=', row.changeRequestId)
      .execute();
    return db
      .insertInto('change_request_comments')
      .values({
        id: row.id,
        account_id: accountId,
        change_request_id: row.changeRequestId,
        side: row.side,
        author_type: row.authorType,
        author_id: row.authorId,
        author_person_id: row.authorPersonId,
        body: row.body,
        created_at: at,
      })
      .returning(commentColumns)
      .executeTakeFirstOrThrow();
  },

  /** What a request may name: a license of the organization (with where it is installed)… */
  async licenseOf(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    licenseId: string,
  ): Promise<{ id: string; productId: string; environmentId: string | null } | undefined> {
    return db
      .selectFrom('licenses')
      .select(['id', 'product_id as productId', 'environment_id as environmentId'])
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('id', '=', licenseId)
      .executeTakeFirst();
  },

  /** …an environment of the organization… */
  async environmentOf(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    environmentId: string,
  ): Promise<{ id: string; kind: string } | undefined> {
    return db
      .selectFrom('environments')
      .select(['id', 'kind'])
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('id', '=', environmentId)
      .executeTakeFirst();
  },

  /** …or a product the organization holds a license of (the catalog itself stays the vendor's). */
  async organizationHoldsProduct(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    productId: string,
  ): Promise<boolean> {
    const row = await db
      .selectFrom('licenses')
      .select('id')
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('product_id', '=', productId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The request's comments in the order they were written (at most MAX_COMMENTS_SHOWN). */
  async comments(db: Kysely<Schema>, accountId: string, changeRequestId: string): Promise<CommentRow[]> {
    return db
      .selectFrom('change_request_comments')
      .select(commentColumns)
      .where('account_id', '=', accountId)
      .where('change_request_id', '=', changeRequestId)
      .orderBy('id')
      .limit(MAX_COMMENTS_SHOWN)
      .execute();
  },
};
