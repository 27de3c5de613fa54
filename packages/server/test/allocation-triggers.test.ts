// Allocation triggers (issue 6): each change recomputes exactly the people it reaches, in the same
// transaction, and leaves everyone else's stored decision untouched (their revision does not move).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import {
  allocPath,
  assign,
  effective,
  group,
  importLine,
  join,
  nest,
  PRODUCT_LINE,
  person,
  revisions,
} from './allocation-fixtures.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';

/** A license group carrying AUTHOR; ENG (ann) contains BACK (bob); OPS (cy) and dee stand apart. */
async function organization(t: TestApp, x: Tenant) {
  await importLine(t, x);
  const [licenses, eng, back, ops] = [
    await group(t, x, 'LICENSE_GROUP'),
    await group(t, x),
    await group(t, x),
    await group(t, x),
  ];
  const [ann, bob, cy, dee] = [
    await person(t, x, 'Ann'),
    await person(t, x, 'Bob'),
    await person(t, x, 'Cy'),
    await person(t, x, 'Dee'),
  ];
  await nest(t, x, eng, back);
  await join(t, x, eng, ann);
  await join(t, x, back, bob);
  await join(t, x, ops, cy);
  await assign(t, x, 'VIEWER', { personId: dee });
  await assign(t, x, 'AUTHOR', { groupId: licenses });
  return { licenses, eng, back, ops, ann, bob, cy, dee };
}

forEachEngine('allocation triggers', (engine) => {
  const getApp = useTestApp(engine);

  it('nesting a group in a license group recomputes exactly the people at or below it', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await organization(t, x);
    const before = await revisions(t, [o.ann, o.bob, o.cy, o.dee]);
    const r = await nest(t, x, o.licenses, o.eng);
    assert.equal(r.recompute.trigger, 'GROUP_NESTING');
    assert.equal(r.recompute.peopleReached, 2);
    assert.deepEqual([...r.recompute.changedPersonIds].sort(), [o.ann, o.bob].sort());
    const after = await revisions(t, [o.ann, o.bob, o.cy, o.dee]);
    assert.equal(after[o.ann], before[o.ann]! + 1);
    assert.equal(after[o.bob], before[o.bob]! + 1);
    assert.equal(after[o.cy], before[o.cy]);
    assert.equal(after[o.dee], before[o.dee]);
    assert.deepEqual(await effective(t, x, o.bob), ['AUTHOR']);
  });

  it('adding a person to a group recomputes that person only', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await organization(t, x);
    await nest(t, x, o.licenses, o.eng);
    const before = await revisions(t, [o.ann, o.bob, o.cy, o.dee]);
    const r = await join(t, x, o.eng, o.dee);
    assert.equal(r.recompute.trigger, 'GROUP_MEMBERSHIP');
    assert.equal(r.recompute.peopleReached, 1);
    assert.deepEqual(r.recompute.changedPersonIds, [o.dee]);
    // VIEWER directly and AUTHOR through ENG: the higher-ranked base wins, VIEWER is released.
    assert.deepEqual(await effective(t, x, o.dee), ['AUTHOR']);
    const after = await revisions(t, [o.ann, o.bob, o.cy, o.dee]);
    assert.deepEqual([after[o.ann], after[o.bob], after[o.cy]], [before[o.ann], before[o.bob], before[o.cy]]);
    const again = await join(t, x, o.eng, o.dee);
    assert.equal(again.recompute, null, 'an existing membership changes nothing and recomputes nothing');
  });

  it('an assignment to a group recomputes its people and nested people; a direct one only its person', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await organization(t, x);
    const toGroup = await assign(t, x, 'SIM', { groupId: o.eng });
    assert.equal(toGroup.recompute.peopleReached, 2);
    const direct = await assign(t, x, 'AUTHOR', { personId: o.cy });
    assert.equal(direct.recompute.peopleReached, 1);
    assert.deepEqual(direct.recompute.changedPersonIds, [o.cy]);
    const withdrawn = await call(t, 'DELETE', `${allocPath(x)}/assignments/${direct.id}`, {
      token: x.tokens.admin,
    });
    assert.equal(withdrawn.status, 200);
    assert.deepEqual(withdrawn.json.recompute.changedPersonIds, [o.cy]);
  });

  it('deleting a group recomputes its people and the people of the groups nested in it', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await organization(t, x);
    await nest(t, x, o.licenses, o.eng);
    const r = await call(t, 'DELETE', `${allocPath(x)}/groups/${o.licenses}`, { token: x.tokens.admin });
    assert.equal(r.status, 200);
    assert.equal(r.json.recompute.trigger, 'GROUP_DELETED');
    assert.deepEqual([...r.json.recompute.changedPersonIds].sort(), [o.ann, o.bob].sort());
    assert.deepEqual(await effective(t, x, o.ann), []);
  });

  it('refuses a nesting that closes a cycle with 409 GROUP_CYCLE naming it, changing nothing', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await organization(t, x);
    await nest(t, x, o.licenses, o.eng);
    const r = await call(t, 'PUT', `${allocPath(x)}/groups/${o.back}/groups/${o.licenses}`, {
      token: x.tokens.admin,
    });
    assert.equal(r.status, 409);
    assert.equal(r.json.code, 'GROUP_CYCLE');
    assert.deepEqual(r.json.cycle, [o.back, o.licenses, o.eng, o.back]);
    assert.match(r.json.detail, /would form a cycle: .* contains .* contains .* contains/);
    const self = await call(t, 'PUT', `${allocPath(x)}/groups/${o.eng}/groups/${o.eng}`, {
      token: x.tokens.admin,
    });
    assert.equal(self.json.code, 'GROUP_CYCLE');
  });

  it('refuses a second group of the same name in any case (409 CONFLICT); another organization may use it', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const other = await newTenant(t);
    const create = (tenant: Tenant, name: string) =>
      call(t, 'POST', `${allocPath(tenant)}/groups`, {
        token: tenant.tokens.admin,
        body: { name, kind: 'GROUP' },
      });
    assert.equal((await create(x, 'Design Team')).status, 201);
    const again = await create(x, 'DESIGN team');
    assert.equal(again.status, 409, again.body);
    assert.equal(again.json.code, 'CONFLICT');
    assert.equal((await create(other, 'Design Team')).status, 201);
  });

  it('importing a license file recomputes exactly the holders of the products that changed', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await organization(t, x);
    await nest(t, x, o.licenses, o.eng);
    // VIEWER now outranks AUTHOR; only dee holds VIEWER, so only dee is reached.
    const line = PRODUCT_LINE.map((p) => (p.code === 'VIEWER' ? { ...p, rank: 3 } : p));
    const before = await revisions(t, [o.ann, o.bob, o.cy, o.dee]);
    const r = await importLine(t, x, line);
    assert.equal(r.recompute.trigger, 'LICENSE_IMPORT');
    assert.equal(r.recompute.peopleReached, 1);
    // dee holds VIEWER alone: reached, decision unchanged.
    assert.equal(r.recompute.peopleChanged, 0);
    await join(t, x, o.eng, o.dee);
    assert.deepEqual(await effective(t, x, o.dee), ['VIEWER'], 'VIEWER now wins the overlap');
    // Dropping AUTHOR reaches its three holders (dee held it through ENG, released in favour of VIEWER).
    const dropped = await importLine(
      t,
      x,
      line.filter((p) => p.code !== 'AUTHOR'),
    );
    assert.equal(dropped.recompute.peopleReached, 3);
    assert.deepEqual([...dropped.recompute.changedPersonIds].sort(), [o.ann, o.bob, o.dee].sort());
    assert.deepEqual((await revisions(t, [o.cy]))[o.cy], before[o.cy]);
  });

  it('the full recompute reaches everyone and rewrites nothing that is current', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await organization(t, x);
    await nest(t, x, o.licenses, o.eng);
    await t.database.db.deleteFrom('allocation_effective').where('person_id', '=', o.bob).execute();
    const r = await call(t, 'POST', `${allocPath(x)}/recompute`, { token: x.tokens.orgAdmin });
    assert.equal(r.status, 200);
    assert.equal(r.json.recompute.trigger, 'FULL');
    assert.equal(r.json.recompute.peopleReached, 4);
    assert.deepEqual(r.json.recompute.changedPersonIds, [o.bob]);
    const log = await call(t, 'GET', `${allocPath(x)}/recomputes?limit=5`, { token: x.tokens.orgRead });
    assert.ok(log.json.data.some((e: { trigger: string }) => e.trigger === 'FULL'));
  });
});
