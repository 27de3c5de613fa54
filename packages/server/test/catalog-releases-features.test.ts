// Releases and features of a catalog product: strict semantic versions listed in version order across
// pages, zone-less dates and duplicates refused, typed feature values, bad and duplicate feature codes
// refused, and deletion of either audited.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { auditActions, createProduct, productsOf } from './catalog-fixtures.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('catalog', (engine) => {
  const getApp = useTestApp(engine);

  it('creates releases with strict semver, lists them by version across pages, and deletes one', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const p = await createProduct(t, x);
    const url = `${productsOf(x)}/${p.json.id}/releases`;
    const created: Record<string, string> = {};
    for (const version of ['1.10.0', '2.0.0-rc.1', '1.9.0', '2.0.0', '1.0.0']) {
      const r = await call(t, 'POST', url, {
        token: x.tokens.developer,
        body: { version, releasedAt: '2025-03-01T12:00:00+02:00' },
      });
      assert.equal(r.status, 201, r.body);
      assert.equal(r.json.releasedAt, '2025-03-01T10:00:00.000Z');
      created[version] = r.json.id;
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await call(t, 'GET', `${url}?limit=2${q}`, { token: x.tokens.readOnly });
      assert.equal(page.status, 200, page.body);
      seen.push(...page.json.data.map((r: { version: string }) => r.version));
      cursor = page.json.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['1.0.0', '1.9.0', '1.10.0', '2.0.0-rc.1', '2.0.0']);
    const del = await call(t, 'DELETE', `${url}/${created['1.9.0']}`, { token: x.tokens.admin });
    assert.equal(del.status, 204);
    assertProblem(
      await call(t, 'DELETE', `${url}/${created['1.9.0']}`, { token: x.tokens.admin }),
      404,
      'NOT_FOUND',
    );
    const events = await auditActions(t, x, created['1.9.0']!);
    assert.deepEqual(events, ['release.created', 'release.deleted']);
  });

  it('refuses loose versions, zone-less dates and duplicate versions', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const p = await createProduct(t, x);
    const url = `${productsOf(x)}/${p.json.id}/releases`;
    const post = (body: unknown) => call(t, 'POST', url, { token: x.tokens.admin, body });
    for (const version of ['v1.0.0', '1.0', '01.0.0', ' 1.0.0', 'latest']) {
      const r = await post({ version, releasedAt: '2025-01-01T00:00:00Z' });
      assertProblem(r, 400, 'INVALID_FIELD');
      assert.equal(r.json.field, 'body.version', version);
    }
    const both = await post({ version: 'v2', releasedAt: '2025-01-01T00:00:00' });
    assertProblem(both, 400, 'INVALID_FIELD');
    assert.deepEqual(
      both.json.errors.map((e: { field: string }) => e.field),
      ['body.version', 'body.releasedAt'],
    );
    assert.equal((await post({ version: '3.1.4', releasedAt: '2025-01-01T00:00:00Z' })).status, 201);
    const dup = await post({ version: '3.1.4', releasedAt: '2025-02-01T00:00:00Z' });
    assertProblem(dup, 409, 'CONFLICT');
    assert.match(dup.json.detail, /3\.1\.4/);
  });

  it('creates features with typed values, refuses bad and duplicate codes, and deletes one', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const p = await createProduct(t, x);
    const url = `${productsOf(x)}/${p.json.id}/features`;
    const post = (body: unknown) => call(t, 'POST', url, { token: x.tokens.developer, body });
    const limit = await post({ code: 'MAX_PROJECTS', name: 'Projects', value: 50 });
    assert.equal(limit.status, 201, limit.body);
    assert.equal(limit.json.value, 50);
    const plain = await post({ code: 'EXPORT_PDF', name: 'PDF export' });
    assert.equal('value' in plain.json, false, 'a plain on/off feature has no value');
    const tier = await post({ code: 'TIER', name: 'Tier', value: 'gold' });
    assert.equal(tier.json.value, 'gold');
    const bad = await post({ code: 'export-pdf', name: '' });
    assertProblem(bad, 400, 'INVALID_FIELD');
    assert.deepEqual(
      bad.json.errors.map((e: { field: string }) => e.field),
      ['body.code', 'body.name'],
    );
    assertProblem(await post({ code: 'X', name: 'x', value: { nested: true } }), 400, 'INVALID_FIELD');
    const dup = await post({ code: 'EXPORT_PDF', name: 'Again' });
    assertProblem(dup, 409, 'CONFLICT');
    assert.match(dup.json.detail, /EXPORT_PDF/);
    const list = await call(t, 'GET', url, { token: x.tokens.readOnly });
    assert.deepEqual(
      list.json.data.map((f: { code: string }) => f.code),
      ['MAX_PROJECTS', 'EXPORT_PDF', 'TIER'],
    );
    assert.equal((await call(t, 'DELETE', `${url}/${plain.json.id}`, { token: x.tokens.admin })).status, 204);
    const events = await auditActions(t, x, plain.json.id);
    assert.deepEqual(events, ['feature.created', 'feature.deleted']);
  });
});
