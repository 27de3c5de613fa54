// The served OpenAPI document is valid OpenAPI 3.1 according to an independent validator.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, useTestApp } from './harness.ts';

forEachEngine('OpenAPI document', (engine) => {
  const getApp = useTestApp(engine);

  it('is valid OpenAPI 3.1 and lists the API routes', async () => {
    const res = await call(getApp(), 'GET', '/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.json.openapi, '3.1.0');
    const result = await new Validator().validate(res.json);
    assert.deepEqual(result.errors ?? [], [], JSON.stringify(result.errors, null, 2));
    assert.equal(result.valid, true);
    assert.ok(res.json.paths['/v1/accounts']?.post, 'account creation is documented');
  });

  it('serves browsable docs at /docs', async () => {
    const res = await getApp().app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger/i);
  });
});
