// License amendments (plan and seat changes, renewals, trial conversions) with their proration.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { LicenseAmendmentsTable, Schema } from '../schema.ts';

export type AmendmentKind = LicenseAmendmentsTable['kind'];

export interface AmendmentRow {
  id: string;
  accountId: string;
  licenseId: string;
  kind: AmendmentKind;
  fromPolicyId: string | null;
  toPolicyId: string | null;
  creditCents: number;
  chargeCents: number;
  netCents: number;
  termStart: Date | null;
  termEnd: Date | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export type NewAmendment = Omit<AmendmentRow, 'accountId' | 'licenseId' | 'createdAt'>;

const columns = [
  'id',
  'account_id as accountId',
  'license_id as licenseId',
  'kind',
  'from_policy_id as fromPolicyId',
  'to_policy_id as toPolicyId',
  'credit_cents as creditCents',
  'charge_cents as chargeCents',
  'net_cents as netCents',
  'term_start as termStart',
  'term_end as termEnd',
  sql<Record<string, unknown>>`details`.as('details'),
  'created_at as createdAt',
] as const;

export const amendmentRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    row: NewAmendment,
    at: Date,
  ): Promise<AmendmentRow> {
    return db
      .insertInto('license_amendments')
      .values({
        id: row.id,
        account_id: accountId,
        license_id: licenseId,
        kind: row.kind,
        from_policy_id: row.fromPolicyId,
        to_policy_id: row.toPolicyId,
        credit_cents: row.creditCents,
        charge_cents: row.chargeCents,
        net_cents: row.netCents,
        term_start: row.termStart,
        term_end: row.termEnd,
        details: JSON.stringify(row.details),
        created_at: at,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /** A license's amendments, oldest first. */
  async listByLicense(db: Kysely<Schema>, accountId: string, licenseId: string): Promise<AmendmentRow[]> {
    return db
      .selectFrom('license_amendments')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .orderBy('id')
      .execute();
  },
};
