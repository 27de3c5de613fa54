// Administering floating licenses through HTTP on both engines: forcing a lease off (seat freed, the
// next heartbeat answers LEASE_REVOKED, audited, an IN event written), options applied in precedence
// EXCLUDE, RESERVE, MAX, INCLUDE, and the pools and lmstat-like status an administrator reads.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import {
  checkout,
  floating,
  floatingEvents,
  licensePath,
  pool,
  putOptions,
  useFloatingTenant,
} from './floating-helpers.ts';
import { call, useTestApp } from './harness.ts';

forEachEngine('floating licenses', (engine) => {
  const getApp = useTestApp(engine);
  const { tenant, license } = useFloatingTenant(getApp);

  it('lets an administrator force a lease off: the seat frees, the next heartbeat answers LEASE_REVOKED, audited', async () => {
    const t = getApp();
    const f = await license(1);
    const { lease } = (await checkout(t, f, {})).json;
    const listed = await call(t, 'GET', `${licensePath(f)}/leases`, { token: tenant().tokens.orgRead });
    assert.deepEqual(
      listed.json.data.map((l: { id: string }) => l.id),
      [lease.id],
    );
    const removed = await call(t, 'DELETE', `${licensePath(f)}/leases/${lease.id}`, {
      token: tenant().tokens.orgAdmin,
    });
    assert.equal(removed.status, 200, removed.body);
    assert.equal(removed.json.id, lease.id);
    assert.equal((await pool(t, f)).inUse, 0);
    assert.equal((await floating(t, f, 'heartbeat', { leaseId: lease.id })).json.code, 'LEASE_REVOKED');
    const again = await call(t, 'DELETE', `${licensePath(f)}/leases/${lease.id}`, {
      token: tenant().tokens.admin,
    });
    assert.equal(again.status, 404);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', lease.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['floating.lease.removed'],
    );
    assert.deepEqual((await floatingEvents(t, f)).at(-1), {
      kind: 'IN',
      reason: 'ADMIN_REMOVED',
      inUseAfter: 0,
      user: 'alice',
    });
  });

  it('applies options in precedence: EXCLUDE, then RESERVE, then MAX, then INCLUDE', async () => {
    const t = getApp();
    const f = await license(4);
    const user = (name: string) => ({ kind: 'USER', name });
    await putOptions(t, f, {
      features: {
        CAD: {
          exclude: [user('eve')],
          reserve: [
            { count: 1, subject: user('eve') },
            { count: 1, subject: user('bob') },
          ],
          max: [
            { count: 1, subject: user('alice') },
            { count: 0, subject: user('bob') },
          ],
          include: [user('alice')],
        },
      },
    });
    assert.equal(
      (await checkout(t, f, { user: 'eve' })).json.code,
      'EXCLUDED',
      'EXCLUDE beats a reservation',
    );
    assert.equal(
      (await checkout(t, f, { user: 'bob' })).json.granted,
      true,
      'a reservation skips MAX and INCLUDE',
    );
    assert.equal((await checkout(t, f, { user: 'carol' })).json.code, 'NOT_INCLUDED');
    assert.equal((await checkout(t, f, { user: 'alice' })).json.granted, true);
    assert.equal((await checkout(t, f, { user: 'alice', host: 'ws-2' })).json.code, 'MAX_REACHED');
  });

  it('reports pools and an lmstat-like status', async () => {
    const t = getApp();
    const f = await license(3);
    await checkout(t, f, { user: 'alice', host: 'ws1', display: ':0', count: 2 });
    const pools = await call(t, 'GET', `${licensePath(f)}/pools`, { token: tenant().tokens.readOnly });
    assert.deepEqual(
      pools.json.data.map((p: { feature: string; seats: number; inUse: number }) => [
        p.feature,
        p.seats,
        p.inUse,
      ]),
      [
        ['CAD', 3, 2],
        ['CAM', 3, 0],
      ],
    );
    const status = await call(
      t,
      'GET',
      `/v1/accounts/${tenant().accountId}/floating/status?licenseId=${f.licenseId}`,
      {
        token: tenant().tokens.orgRead,
      },
    );
    assert.equal(status.status, 200, status.body);
    assert.match(
      status.json.text,
      /Users of CAD: {2}\(Total of 3 licenses issued; {2}Total of 2 licenses in use\)/,
    );
    assert.match(status.json.text, /alice ws1 :0 \(v1\.0\).*2 licenses/);
    assert.equal(status.json.data[0].holders[0].user, 'alice');
  });
});
