// Named-user seats on licenses: which person holds a seat of which license. A license's capacity is
// its effective maxUsers (policy spec, overridden per license). Assignments lock the license row so
// concurrent assignments cannot hand out more seats than exist.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { deleteScopedRow } from './scoped-rows.ts';

/** A license of an organization as seats and the overview see it. */
export interface SeatLicenseRow {
  id: string;
  organizationId: string;
  name: string | null;
  productId: string;
  productName: string;
  environmentId: string | null;
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  startsAt: Date;
  expiresAt: Date | null;
  /** Effective user limit: the license override when present (null = unlimited), else the policy's. */
  maxUsers: number | null;
  seatsAssigned: number;
}

export interface SeatHolderRow {
  licenseId: string;
  personId: string;
  username: string;
  name: string;
  email: string;
  assignedAt: Date;
}

function licenses(db: Kysely<Schema>, accountId: string, organizationId: string) {
  return db
    .selectFrom('licenses as l')
    .innerJoin('policies as pol', 'pol.id', 'l.policy_id')
    .innerJoin('products as pr', 'pr.id', 'l.product_id')
    .select([
      'l.id',
      'l.organization_id as organizationId',
      'l.name',
      'l.product_id as productId',
      'pr.name as productName',
      'l.environment_id as environmentId',
      'l.status',
      'l.starts_at as startsAt',
      'l.expires_at as expiresAt',
      'l.overrides',
      sql<unknown>`pol.spec->'maxUsers'`.as('policyMaxUsers'),
    ])
    .select((eb) =>
      eb
        .selectFrom('seat_assignments as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.license_id', '=', 'l.id')
        .as('seatsAssigned'),
    )
    .where('l.account_id', '=', accountId)
    .where('l.organization_id', '=', organizationId);
}

type RawLicense = Omit<SeatLicenseRow, 'maxUsers' | 'seatsAssigned'> & {
  overrides: unknown;
  policyMaxUsers: unknown;
  seatsAssigned: number | string | null;
};

function toSeatLicense({ overrides, policyMaxUsers, ...row }: RawLicense): SeatLicenseRow {
  const o = (overrides ?? {}) as { maxUsers?: unknown };
  const limit = 'maxUsers' in o ? o.maxUsers : policyMaxUsers;
  return {
    ...row,
    maxUsers: typeof limit === 'number' ? limit : null,
    seatsAssigned: Number(row.seatsAssigned ?? 0),
  };
}

export const seatRepository = {
  /** Every license of the organization with its user limit and assigned seats, by id. */
  async licensesOf(db: Kysely<Schema>, accountId: string, organizationId: string): Promise<SeatLicenseRow[]> {
    const rows = await licenses(db, accountId, organizationId).orderBy('l.id').execute();
    return rows.map((r) => toSeatLicense(r as RawLicense));
  },

  /** One license of the organization; `lock` holds its row until the transaction ends. */
  async license(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    licenseId: string,
    lock = false,
  ): Promise<SeatLicenseRow | undefined> {
    if (lock) {
      // Lock first, count after: under READ COMMITTED a statement that waited for the lock still
      // reads with its earlier snapshot, so the seat count must come from a later statement.
      const locked = await db
        .selectFrom('licenses')
        .select('id')
        .where('account_id', '=', accountId)
        .where('organization_id', '=', organizationId)
        .where('id', '=', licenseId)
        .forUpdate()
        .executeTakeFirst();
      if (!locked) return undefined;
    }
    const row = await licenses(db, accountId, organizationId)
      .where('l.id', '=', licenseId)
      .executeTakeFirst();
    return row && toSeatLicense(row as RawLicense);
  },

  async holds(db: Kysely<Schema>, accountId: string, licenseId: string, personId: string): Promise<boolean> {
    const row = await db
      .selectFrom('seat_assignments')
      .select('person_id')
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async assign(
    db: Kysely<Schema>,
    accountId: string,
    seat: { organizationId: string; licenseId: string; personId: string },
    at: Date,
  ): Promise<void> {
    await db
      .insertInto('seat_assignments')
      .values({
        account_id: accountId,
        organization_id: seat.organizationId,
        license_id: seat.licenseId,
        person_id: seat.personId,
        assigned_at: at,
      })
      .execute();
  },

  async unassign(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    personId: string,
  ): Promise<boolean> {
    return deleteScopedRow(db, 'seat_assignments', accountId, { license_id: licenseId, person_id: personId });
  },

  /** Move the seat of `fromPersonId` to `toPersonId`; the assignment time restarts. */
  async transfer(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    fromPersonId: string,
    toPersonId: string,
    at: Date,
  ): Promise<boolean> {
    const r = await db
      .updateTable('seat_assignments')
      .set({ person_id: toPersonId, assigned_at: at })
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .where('person_id', '=', fromPersonId)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  },

  async holders(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    page: PageRequest,
  ): Promise<Page<SeatHolderRow & { id: string }>> {
    const q = db
      .selectFrom('seat_assignments as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select([
        's.license_id as licenseId',
        's.person_id as personId',
        'p.id',
        'p.username',
        'p.name',
        'p.email',
        's.assigned_at as assignedAt',
      ])
      .where('s.account_id', '=', accountId)
      .where('s.license_id', '=', licenseId);
    return keysetPage(q, 'p.id', page);
  },

  /** The seats a person holds, with their licenses. */
  async seatsOf(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    personId: string,
  ): Promise<(SeatLicenseRow & { assignedAt: Date })[]> {
    const rows = await licenses(db, accountId, organizationId)
      .innerJoin('seat_assignments as mine', 'mine.license_id', 'l.id')
      .select('mine.assigned_at as assignedAt')
      .where('mine.person_id', '=', personId)
      .orderBy('l.id')
      .execute();
    return rows.map((r) => ({ ...toSeatLicense(r as RawLicense), assignedAt: r.assignedAt }));
  },
};
