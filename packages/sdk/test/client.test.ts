// LicentiaClient against a fake signing server: signed answers are believed; forged, wrong-key,
// unsigned, replayed and stale answers are refused with a typed error; problems become LicentiaApiError.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  LicentiaApiError,
  LicentiaClient,
  LicentiaResponseError,
  type ResponseErrorCode,
} from '../src/index.ts';
import { type FakeServer, startFakeServer } from './fake-server.ts';
import { FINGERPRINT, newVendor } from './fixtures.ts';

const vendor = newVendor();
const impostor = newVendor();
let server: FakeServer;
let client: LicentiaClient;

const refusedWith = (code: ResponseErrorCode) => (error: unknown) => {
  assert.ok(error instanceof LicentiaResponseError, String(error));
  assert.equal(error.code, code);
  return true;
};

describe('LicentiaClient', () => {
  before(async () => {
    server = await startFakeServer(vendor, impostor);
    client = new LicentiaClient({ url: `${server.url}/`, keys: vendor.jwks });
  });
  after(() => server.close());
  beforeEach(() => {
    server.mode = 'none';
    server.received.length = 0;
  });

  it('validates with the key and scope, a fresh random nonce, and returns the verified answer', async () => {
    const scope = { fingerprint: FINGERPRINT, version: '2.4.0', feature: ['export'] };
    const first = await client.validate({ key: 'ABCD-EFGH', scope });
    await client.validate({ key: 'ABCD-EFGH', scope });
    assert.equal(first.valid, true);
    assert.equal(first.code, 'VALID');
    const [a, b] = server.received.map((r) => r.body as { key: string; scope: Record<string, unknown> });
    assert.equal(server.received[0]?.path, '/v1/licenses/validate');
    assert.equal(a?.key, 'ABCD-EFGH');
    const { nonce: nonceA, ...sentScope } = a?.scope ?? {};
    assert.match(String(nonceA), /^[A-Za-z0-9_-]{24}$/);
    assert.notEqual(nonceA, b?.scope.nonce);
    assert.equal(first.meta.nonce, nonceA);
    assert.deepEqual(sentScope, scope);
  });

  it('refuses an answer altered after signing (suspended flipped to valid)', async () => {
    server.mode = 'forge';
    await assert.rejects(client.validate({ key: 'K' }), refusedWith('BAD_SIGNATURE'));
  });

  it('refuses an answer signed by a key that is not the vendor’s', async () => {
    server.mode = 'wrong-key';
    await assert.rejects(client.validate({ key: 'K' }), refusedWith('BAD_SIGNATURE'));
    const trusting = new LicentiaClient({
      url: server.url,
      keys: { keys: [...vendor.jwks.keys, { ...impostor.jwks.keys[0]!, kid: vendor.kid }] },
    });
    await assert.rejects(trusting.validate({ key: 'K' }), LicentiaResponseError);
  });

  it('refuses an answer without a signature, or with a malformed one', async () => {
    server.mode = 'unsigned';
    await assert.rejects(client.validate({ key: 'K' }), refusedWith('UNSIGNED_RESPONSE'));
    await assert.rejects(
      client.activate({ key: 'K', fingerprint: FINGERPRINT }),
      refusedWith('UNSIGNED_RESPONSE'),
    );
    server.mode = 'bad-header';
    await assert.rejects(client.validate({ key: 'K' }), refusedWith('BAD_SIGNATURE'));
  });

  it('refuses a genuine answer replayed to a later request (nonce mismatch)', async () => {
    await client.validate({ key: 'K' });
    server.mode = 'replay';
    await assert.rejects(client.validate({ key: 'K' }), refusedWith('NONCE_MISMATCH'));
  });

  it('refuses a genuine answer whose server time is more than 5 minutes from local time', async () => {
    server.mode = 'stale';
    await assert.rejects(client.validate({ key: 'K' }), refusedWith('STALE_RESPONSE'));
    const skewed = new LicentiaClient({
      url: server.url,
      keys: vendor.jwks,
      now: () => new Date(Date.now() + 6 * 60_000),
    });
    server.mode = 'none';
    await assert.rejects(skewed.validate({ key: 'K' }), refusedWith('STALE_RESPONSE'));
  });

  it('activates with the fingerprint, hostname and platform and checks the signed answer', async () => {
    const answer = await client.activate({
      key: 'K',
      fingerprint: FINGERPRINT,
      hostname: 'ws-1',
      platform: 'linux',
    });
    assert.equal(answer.activated, true);
    assert.equal(answer.machine?.fingerprint, FINGERPRINT);
    const { nonce, ...sent } = server.received[0]!.body as Record<string, unknown>;
    assert.deepEqual(sent, { key: 'K', fingerprint: FINGERPRINT, hostname: 'ws-1', platform: 'linux' });
    assert.match(String(nonce), /^[A-Za-z0-9_-]{24}$/, 'a fresh nonce the answer must echo');
    server.mode = 'forge';
    await assert.rejects(
      client.activate({ key: 'K', fingerprint: FINGERPRINT }),
      refusedWith('BAD_SIGNATURE'),
    );
  });

  it('deactivates, and names the license by id with the product token as bearer', async () => {
    const withToken = new LicentiaClient({ url: server.url, keys: vendor.jwks, productToken: 'lt_prd_x' });
    const answer = await withToken.deactivate({ licenseId: 'lic_1', fingerprint: FINGERPRINT });
    assert.equal(answer.deactivated, true);
    assert.deepEqual(server.received[0], {
      path: '/v1/licenses/deactivate',
      body: { licenseId: 'lic_1', fingerprint: FINGERPRINT },
      authorization: 'Bearer lt_prd_x',
    });
  });

  it('turns a problem+json answer into LicentiaApiError with the server code', async () => {
    server.mode = 'problem';
    await assert.rejects(client.validate({ key: 'K' }), (error: unknown) => {
      assert.ok(error instanceof LicentiaApiError);
      assert.deepEqual([error.status, error.code, error.message], [429, 'RATE_LIMITED', 'slow down']);
      return true;
    });
    assert.equal(LicentiaApiError.from(502, '<html>').code, 'HTTP_502');
  });

  it('needs a key or a license id', async () => {
    await assert.rejects(client.validate({} as never), TypeError);
  });
});
