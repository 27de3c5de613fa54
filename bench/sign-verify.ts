// sign-verify: license-token signing and verification per second through our compact JWS
// (signJws; decodeJws + verifyDecodedJws) with cached KeyObjects, on a realistic license payload,
// vs raw node:crypto sign/verify over the same signing input. Measurements are interleaved in
// short slices so background load hits both sides alike.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  buildLicenseClaims,
  decodeJws,
  effectiveTerms,
  type License,
  type Policy,
  signJws,
  TOKEN_TYPES,
  verifyDecodedJws,
} from '@licentia/core';
import { benchSeconds, round, table } from './lib/load.ts';

const SLICE_MS = 100;

function licensePayload() {
  const now = new Date('2025-06-01T00:00:00Z');
  const policy: Policy = {
    id: 'pol_01jz8k3m4n5p6q7r8s9t0v1w2x',
    accountId: 'acct_01jz8k3m4n5p6q7r8s9t0v1w2x',
    productId: 'prod_01jz8k3m4n5p6q7r8s9t0v1w2x',
    name: 'Pro annual',
    model: 'SUBSCRIPTION',
    durationIso: 'P1Y',
    maintenanceDurationIso: 'P1Y',
    gracePeriodIso: 'P14D',
    maxMachines: 5,
    maxUsers: 25,
    overage: '1.25X',
    heartbeatIntervalSeconds: null,
    allowedCountries: ['DE', 'FR', 'NL'],
    allowedDepartments: [],
    versionRange: '>=2.0.0 <3.0.0',
    entitlements: [
      { code: 'EXPORT' },
      { code: 'PRINT' },
      { code: 'SEATS', value: 25 },
      { code: 'CLOUD_SYNC' },
    ],
    priceCents: 49_900,
    billingPeriodIso: 'P1Y',
    renewFrom: 'EXPIRY',
    trialStartsAt: 'ISSUE',
    maxBorrowHours: null,
  };
  const license: License = {
    id: 'lic_01jz8k3m4n5p6q7r8s9t0v1w2x',
    accountId: policy.accountId,
    organizationId: 'org_01jz8k3m4n5p6q7r8s9t0v1w2x',
    productId: policy.productId,
    policyId: policy.id,
    status: 'ACTIVE',
    model: 'SUBSCRIPTION',
    issuedAt: now,
    startsAt: now,
    expiresAt: new Date('2026-06-01T00:00:00Z'),
    maintenanceEndsAt: new Date('2026-06-01T00:00:00Z'),
    trialActivatedAt: null,
    overrides: {},
    boundFingerprints: ['3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6d7e8f90123456789abcdef0123456789'],
  };
  return buildLicenseClaims(license, effectiveTerms(policy, license), now);
}

/** Operations per second of each function, measured in interleaved slices over `seconds`. */
function measure(fns: Record<string, () => void>, seconds: number): Record<string, number> {
  const counts: Record<string, number> = {};
  const elapsed: Record<string, number> = {};
  for (const name of Object.keys(fns)) counts[name] = elapsed[name] = 0;
  const rounds = Math.max(1, Math.round((seconds * 1000) / (SLICE_MS * Object.keys(fns).length)));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < SLICE_MS) {
        for (let i = 0; i < 20; i++) fn();
        n += 20;
      }
      counts[name]! += n;
      elapsed[name]! += performance.now() - start;
    }
  }
  return Object.fromEntries(Object.keys(fns).map((k) => [k, (counts[k]! * 1000) / elapsed[k]!]));
}

export async function run(): Promise<void> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const header = { alg: 'EdDSA' as const, kid: 'key_01jz8k3m4n5p6q7r8s9t0v1w2x', typ: TOKEN_TYPES.license };
  const payload = licensePayload();
  const token = signJws(header, payload, privateKey);
  const [h, p, s] = token.split('.') as [string, string, string];
  const signingInput = `${h}.${p}`;
  const rawSignature = Buffer.from(s, 'base64url');
  const decoded = decodeJws(token);
  if (!decoded || !verifyDecodedJws(decoded, publicKey)) throw new Error('token does not verify');

  for (let i = 0; i < 2000; i++) signJws(header, payload, privateKey); // warm up the JIT
  const rates = measure(
    {
      baselineSign: () => sign(null, Buffer.from(signingInput), privateKey),
      sign: () => signJws(header, payload, privateKey),
      baselineVerify: () => verify(null, Buffer.from(signingInput), publicKey, rawSignature),
      verify: () => {
        const d = decodeJws(token);
        if (!d || !verifyDecodedJws(d, publicKey)) throw new Error('verify failed');
      },
    },
    benchSeconds(),
  );
  const signRatio = rates.sign! / rates.baselineSign!;
  const verifyRatio = rates.verify! / rates.baselineVerify!;
  console.log(`\nsign-verify: Ed25519 license token of ${token.length} characters, KeyObjects parsed once`);
  table([
    { operation: 'crypto.sign (baseline)', 'ops/s': round(rates.baselineSign!, 0), ratio: 1 },
    { operation: 'signJws (claims → compact JWS)', 'ops/s': round(rates.sign!, 0), ratio: round(signRatio) },
    { operation: 'crypto.verify (baseline)', 'ops/s': round(rates.baselineVerify!, 0), ratio: 1 },
    {
      operation: 'decodeJws + verifyDecodedJws',
      'ops/s': round(rates.verify!, 0),
      ratio: round(verifyRatio),
    },
  ]);
  console.log(
    JSON.stringify({
      bench: 'sign-verify',
      sign_per_s: round(rates.sign!, 0),
      verify_per_s: round(rates.verify!, 0),
      baseline_sign_per_s: round(rates.baselineSign!, 0),
      baseline_verify_per_s: round(rates.baselineVerify!, 0),
      ratio: round(Math.min(signRatio, verifyRatio), 3),
    }),
  );
}
