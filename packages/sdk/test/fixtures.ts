// Test fixtures of the SDK suites: a vendor key pair with its JWKS, license claims, and signed
// license tokens and files made with core's signer — no server involved.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { armorLicenseFile, type LicenseClaims, signJws } from '@licentia/core';
import type { Jwks } from '../src/index.ts';

export interface Vendor {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwks: Jwks;
}

let counter = 0;

/** A fresh Ed25519 key pair with a unique kid and its one-key JWKS. */
export function newVendor(): Vendor {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const kid = `key_test${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    kid,
    privateKey,
    publicKey,
    jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: jwk.x!, kid, alg: 'EdDSA', use: 'sig' }] },
  };
}

export const NOW = new Date('2030-06-01T12:00:00Z');
export const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
export const DAY = 86_400;

/** Well-formed license claims valid from a day before {@link NOW} to thirty days after. */
export function licenseClaims(overrides: Partial<LicenseClaims> = {}): LicenseClaims {
  return {
    iss: 'acct_test',
    sub: 'lic_test',
    aud: 'prod_test',
    iat: seconds(NOW) - DAY,
    nbf: seconds(NOW) - DAY,
    exp: seconds(NOW) + 30 * DAY,
    'https://licentia.dev/license': {
      v: 1,
      model: 'SUBSCRIPTION',
      status: 'ACTIVE',
      customer: 'org_test',
      policy: 'pol_test',
      entitlements: [{ code: 'export' }, { code: 'seats', value: 5 }],
      maintenanceEndsAt: null,
      limits: { maxMachines: 3, maxUsers: null, overage: 'NO' },
      versionRange: null,
      boundFingerprints: [],
    },
    ...overrides,
  };
}

/** A license token (typ license+jwt unless given) signed by `vendor`. */
export function signToken(vendor: Vendor, payload: unknown = licenseClaims(), typ = 'license+jwt'): string {
  return signJws({ alg: 'EdDSA', kid: vendor.kid, typ }, payload, vendor.privateKey);
}

export const FINGERPRINT = 'a'.repeat(64);

/** An armoured license file bound to `fingerprint`, signed by `vendor`. */
export function signFile(
  vendor: Vendor,
  fields: { fingerprint?: string; claims?: Partial<LicenseClaims>; typ?: string } = {},
): string {
  const payload = {
    ...licenseClaims(fields.claims),
    'https://licentia.dev/machine': { fingerprint: fields.fingerprint ?? FINGERPRINT },
  };
  return armorLicenseFile(
    signJws(
      { alg: 'EdDSA', kid: vendor.kid, typ: fields.typ ?? 'machine-file+jwt' },
      payload,
      vendor.privateKey,
    ),
  );
}

/** `text` with the character at `index` replaced by a different character of the same alphabet. */
export function changeAt(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}
