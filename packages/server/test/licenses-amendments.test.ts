// Proration worked examples through the API on an injected clock: an upgrade on day 100 of 365, a
// downgrade on day 300, a seat change; previews write nothing, applied amendments write atomically.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachEngine, openTestDatabase } from '../../db/test/test-databases.ts';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap/bootstrap.ts';
import { call, newTenant, type Tenant, type TestApp } from './harness.ts';
import { seedPolicy, seedProduct } from './licensing-fixtures.ts';
import { assertProblem } from './security-suite.ts';

const T0 = new Date('2025-01-01T00:00:00.000Z');
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

forEachEngine('license amendments', (engine) => {
  let now = T0;
  let t: TestApp;
  before(async () => {
    const database = await openTestDatabase(engine);
    const { app, ctx } = await buildApp({ database, webRoot: null, clock: () => now });
    const { operatorToken } = await bootstrap(ctx, {
      bootstrapToken: null,
      demo: false,
      issueOperatorToken: true,
    });
    t = { engine, app, ctx, database, operatorToken: operatorToken! };
  });
  after(async () => {
    await t.app.close();
    await t.database.close();
  });

  /** Basic (365.00/year) and Pro (730.00/year) single-seat plans, and Team (365.00 per seat, 5 seats). */
  async function plans(x: Tenant) {
    const product = await seedProduct(t, x.accountId);
    const yearly = { model: 'SUBSCRIPTION', durationIso: 'P1Y', billingPeriodIso: 'P1Y' } as const;
    const basic = await seedPolicy(t, x.accountId, product.id, {
      name: 'Basic',
      ...yearly,
      priceCents: 36_500,
    });
    const pro = await seedPolicy(t, x.accountId, product.id, { name: 'Pro', ...yearly, priceCents: 73_000 });
    const team = await seedPolicy(t, x.accountId, product.id, {
      name: 'Team',
      ...yearly,
      priceCents: 36_500,
      maxMachines: 5,
    });
    return { basic: basic.id, pro: pro.id, team: team.id };
  }

  async function issueAt(x: Tenant, policyId: string) {
    now = T0;
    const r = await call(t, 'POST', `/v1/accounts/${x.accountId}/licenses`, {
      token: x.tokens.admin,
      body: { policyId, organizationId: x.organizationId },
    });
    assert.equal(r.status, 201, r.body);
    return r.json.license.id as string;
  }

  const amend = (x: Tenant, id: string, body: object) =>
    call(t, 'POST', `/v1/accounts/${x.accountId}/licenses/${id}/amendments`, { token: x.tokens.admin, body });

  it('an upgrade on day 100 of 365 credits 265 days of Basic (26 500) and charges 265 of Pro (53 000)', async () => {
    const x = await newTenant(t);
    const p = await plans(x);
    const id = await issueAt(x, p.basic);
    now = day(100);
    const preview = await amend(x, id, { policyId: p.pro, preview: true });
    assert.equal(preview.status, 200, preview.body);
    assert.deepEqual(
      [
        preview.json.amendment.kind,
        preview.json.amendment.creditCents,
        preview.json.amendment.chargeCents,
        preview.json.amendment.netCents,
      ],
      ['UPGRADE', 26_500, 53_000, 26_500],
    );
    assert.deepEqual(
      [preview.json.amendment.id, preview.json.amendment.termStart, preview.json.amendment.termEnd],
      [null, day(100).toISOString(), day(365).toISOString()],
    );
    const untouched = await t.database.db
      .selectFrom('licenses')
      .select(['policy_id', 'revision'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(untouched, { policy_id: p.basic, revision: 1 }, 'a preview writes nothing');
    const applied = await amend(x, id, { policyId: p.pro });
    assert.equal(applied.json.license.policyId, p.pro);
    assert.equal(applied.json.license.expiresAt, day(365).toISOString(), 'the anniversary is kept');
    assert.match(applied.json.amendment.id, /^amd_/);
    const stored = await t.database.db
      .selectFrom('license_amendments')
      .selectAll()
      .where('license_id', '=', id)
      .execute();
    assert.deepEqual(
      stored.map((a) => [a.kind, a.net_cents]),
      [['UPGRADE', 26_500]],
    );
    const events = await call(t, 'GET', `/v1/audit/events?accountId=${x.accountId}&targetId=${id}`, {
      token: x.tokens.admin,
    });
    assert.deepEqual(
      events.json.data.map((e: { action: string }) => e.action),
      ['license.issued', 'license.amended'],
    );
  });

  it('a downgrade on day 300 credits the customer 65 days of the difference (−6 500)', async () => {
    const x = await newTenant(t);
    const p = await plans(x);
    const id = await issueAt(x, p.pro);
    now = day(300);
    const r = await amend(x, id, { policyId: p.basic });
    // credit 73 000 × 65/365 = 13 000, charge 36 500 × 65/365 = 6 500.
    assert.deepEqual(
      [
        r.json.amendment.kind,
        r.json.amendment.creditCents,
        r.json.amendment.chargeCents,
        r.json.amendment.netCents,
      ],
      ['DOWNGRADE', 13_000, 6_500, -6_500],
    );
  });

  it('a seat change from 5 to 8 on day 100 charges 3 seats for 265 days and overrides maxMachines', async () => {
    const x = await newTenant(t);
    const p = await plans(x);
    const id = await issueAt(x, p.team);
    now = day(100);
    const r = await amend(x, id, { seats: 8 });
    // credit 5 × 26 500 = 132 500, charge 8 × 26 500 = 212 000.
    assert.deepEqual(
      [r.json.amendment.kind, r.json.amendment.netCents, r.json.license.overrides],
      ['SEAT_CHANGE', 79_500, { maxMachines: 8 }],
    );
  });

  it('refuses an amendment that changes nothing (409) and one without policy or seats (400)', async () => {
    const x = await newTenant(t);
    const p = await plans(x);
    const id = await issueAt(x, p.team);
    now = day(10);
    assertProblem(await amend(x, id, { seats: 5 }), 409, 'CONFLICT');
    assertProblem(await amend(x, id, { preview: true }), 400, 'INVALID_FIELD');
  });

  it('derives IN_GRACE_PERIOD and then EXPIRED from the clock', async () => {
    const x = await newTenant(t);
    const product = await seedProduct(t, x.accountId);
    const graced = await seedPolicy(t, x.accountId, product.id, {
      name: 'Graced',
      model: 'SUBSCRIPTION',
      durationIso: 'P30D',
      gracePeriodIso: 'P7D',
    });
    const id = await issueAt(x, graced.id);
    const state = async () =>
      (await call(t, 'GET', `/v1/accounts/${x.accountId}/licenses/${id}`, { token: x.tokens.readOnly })).json
        .state;
    now = day(31);
    assert.equal(await state(), 'IN_GRACE_PERIOD');
    now = day(38);
    assert.equal(await state(), 'EXPIRED');
  });
});
