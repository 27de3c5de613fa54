// Builds the published test vectors (docs/license-format-vectors.json) from fixed inputs: used by
// scripts/make-test-vectors.ts to write them and by test-vectors.test.ts to re-derive them. Not
// exported by the barrel. Ed25519 signatures are deterministic (RFC 8032), so the bytes are stable.
import { createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import { signJws } from '../jws/compact-jws.ts';
import type { Policy } from '../policies/policy-types.ts';
import { POLICY_DEFAULTS } from '../policies/validate-policy.ts';
import { effectiveTerms } from './effective-terms.ts';
import { buildLicenseClaims, TOKEN_TYPES } from './license-claims.ts';
import { armorLicenseFile } from './license-file-armor.ts';
import type { License } from './license-types.ts';
import { buildMachineFileClaims } from './machine-file-claims.ts';

/** RFC 8032 §7.1 TEST 1 secret key: public, so anyone can reproduce every vector. Never use it for real. */
export const VECTOR_SEED_HEX = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
export const VECTOR_KID = 'key_0000000000000000000000test';
export const RESPONSE_SIGNATURE_PREFIX = 'licentia-response-v1\n';

const PKCS8_ED25519_PREFIX = '302e020100300506032b657004220420';

export function vectorKeys(seedHex = VECTOR_SEED_HEX): {
  privateKey: KeyObject;
  jwk: Record<string, string>;
} {
  const privateKey = createPrivateKey({
    key: Buffer.from(PKCS8_ED25519_PREFIX + seedHex, 'hex'),
    format: 'der',
    type: 'pkcs8',
  });
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' });
  return {
    privateKey,
    jwk: { kty: 'OKP', crv: 'Ed25519', x: x!, d: Buffer.from(seedHex, 'hex').toString('base64url') },
  };
}

export const VECTOR_POLICY: Policy = {
  ...POLICY_DEFAULTS,
  id: 'pol_01jd0000000000000000000000',
  accountId: 'acct_01jd0000000000000000000000',
  productId: 'prod_01jd0000000000000000000000',
  name: 'Pro yearly',
  model: 'SUBSCRIPTION',
  durationIso: 'P1Y',
  maintenanceDurationIso: 'P1Y',
  maxMachines: 3,
  overage: '1.25X',
  versionRange: '>=2.0.0 <3.0.0',
  entitlements: [{ code: 'EXPORT_PDF' }, { code: 'MAX_PROJECTS', value: 50 }],
};

export const VECTOR_LICENSE: License = {
  id: 'lic_01jd0000000000000000000000',
  accountId: VECTOR_POLICY.accountId,
  organizationId: 'org_01jd0000000000000000000000',
  productId: VECTOR_POLICY.productId,
  policyId: VECTOR_POLICY.id,
  status: 'ACTIVE',
  model: 'SUBSCRIPTION',
  issuedAt: new Date('2025-01-01T00:00:00Z'),
  startsAt: new Date('2025-01-01T00:00:00Z'),
  expiresAt: new Date('2026-01-01T00:00:00Z'),
  maintenanceEndsAt: new Date('2026-01-01T00:00:00Z'),
  trialActivatedAt: null,
  overrides: { maxMachines: 5 },
  boundFingerprints: [],
};

export const VECTOR_ISSUED_AT = new Date('2025-01-01T00:00:00Z');
export const VECTOR_FINGERPRINT = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const VECTOR_RESPONSE_BODY =
  '{"valid":true,"code":"VALID","violations":[],"warnings":[],"license":null,"meta":{"ts":"2025-01-02T00:00:00.000Z","nonce":"n-0001","requestId":"req-1"}}';

/** Every vector, derived from the fixed inputs above. */
export function buildTestVectors() {
  const { privateKey, jwk } = vectorKeys();
  const terms = effectiveTerms(VECTOR_POLICY, VECTOR_LICENSE);
  const header = { alg: 'EdDSA' as const, kid: VECTOR_KID, typ: TOKEN_TYPES.license };
  const claims = buildLicenseClaims(VECTOR_LICENSE, terms, VECTOR_ISSUED_AT);
  const token = signJws(header, claims, privateKey);
  const fileHeader = { ...header, typ: TOKEN_TYPES.machineFile };
  const fileClaims = buildMachineFileClaims(
    VECTOR_LICENSE,
    terms,
    VECTOR_FINGERPRINT,
    VECTOR_ISSUED_AT,
    30 * 86_400,
  );
  const fileJws = signJws(fileHeader, fileClaims, privateKey);
  const responseSig = sign(
    null,
    Buffer.from(RESPONSE_SIGNATURE_PREFIX + VECTOR_RESPONSE_BODY),
    privateKey,
  ).toString('base64url');
  const { d: _d, ...publicJwk } = jwk;
  return {
    key: {
      seedHex: VECTOR_SEED_HEX,
      privateJwk: { ...jwk, kid: VECTOR_KID, alg: 'EdDSA' },
      publicJwk: { ...publicJwk, kid: VECTOR_KID, alg: 'EdDSA', use: 'sig' },
    },
    licenseToken: { header, claims, signingInput: token.split('.').slice(0, 2).join('.'), token },
    licenseFile: { header: fileHeader, claims: fileClaims, jws: fileJws, armored: armorLicenseFile(fileJws) },
    responseSignature: {
      body: VECTOR_RESPONSE_BODY,
      header: `keyid="${VECTOR_KID}", alg="EdDSA", sig="${responseSig}"`,
    },
  };
}
