// Shape check of a verified license token's payload, for verifiers (SDK, CLI) after the signature check.
import { isFeatureValue } from '../catalog/validate-feature.ts';
import { LICENSE_MODELS, OVERAGE_STRATEGIES } from '../policies/policy-types.ts';
import { LICENSE_CLAIM, LICENSE_CLAIM_VERSION, type LicenseClaims } from './license-claims.ts';
import { LICENSE_STATUSES } from './license-types.ts';

export type ParsedClaims = { ok: true; claims: LicenseClaims } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isSeconds = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isLimit = (v: unknown) => v === null || (Number.isSafeInteger(v) && (v as number) >= 1);

/**
 * Check that a payload has the shape of {@link LicenseClaims}: every member typed, enums known,
 * claim version 1. It does not check the signature or the time window (do both, in that order:
 * signature, then `typ`, then this, then `nbf`/`exp` against the clock). Unknown extra members are
 * allowed (forward compatibility), unknown claim versions are not. Returns every problem found.
 * @example parseLicenseClaims(JSON.parse(payloadJson)) // → { ok: true, claims } | { ok: false, errors: ['exp must be …'] }
 */
export function parseLicenseClaims(payload: unknown): ParsedClaims {
  if (!isObj(payload)) return { ok: false, errors: ['payload must be a JSON object'] };
  const errors: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) errors.push(message);
  };
  for (const key of ['iss', 'sub', 'aud'] as const)
    need(isStr(payload[key]), `${key} must be a non-empty string`);
  for (const key of ['iat', 'nbf'] as const) need(isSeconds(payload[key]), `${key} must be a NumericDate`);
  need(payload.exp === undefined || isSeconds(payload.exp), 'exp must be a NumericDate when present');
  const lic = payload[LICENSE_CLAIM];
  if (!isObj(lic)) {
    errors.push(`${LICENSE_CLAIM} must be an object`);
    return { ok: false, errors };
  }
  need(lic.v === LICENSE_CLAIM_VERSION, `${LICENSE_CLAIM}.v must be ${LICENSE_CLAIM_VERSION}`);
  need(LICENSE_MODELS.includes(lic.model as never), 'model is not a known license model');
  need(LICENSE_STATUSES.includes(lic.status as never), 'status is not a known license status');
  need(isStr(lic.customer) && isStr(lic.policy), 'customer and policy must be non-empty strings');
  need(
    Array.isArray(lic.entitlements) &&
      lic.entitlements.every(
        (e) => isObj(e) && isStr(e.code) && (e.value === undefined || isFeatureValue(e.value)),
      ),
    'entitlements must be a list of { code, value? }',
  );
  need(
    lic.maintenanceEndsAt === null || isSeconds(lic.maintenanceEndsAt),
    'maintenanceEndsAt must be a NumericDate or null',
  );
  const limits = lic.limits;
  need(
    isObj(limits) &&
      isLimit(limits.maxMachines) &&
      isLimit(limits.maxUsers) &&
      OVERAGE_STRATEGIES.includes(limits.overage as never),
    'limits must be { maxMachines, maxUsers, overage }',
  );
  need(lic.versionRange === null || isStr(lic.versionRange), 'versionRange must be a string or null');
  need(
    Array.isArray(lic.boundFingerprints) && lic.boundFingerprints.every(isStr),
    'boundFingerprints must be strings',
  );
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, claims: payload as unknown as LicenseClaims };
}
