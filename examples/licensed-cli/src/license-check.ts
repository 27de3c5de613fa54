// The two ways the example app checks its license: online (activate, then validate with version and
// feature scope) and offline (verify a license file against the vendor's public keys).
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import {
  createClockGuard,
  fileClockStore,
  LicentiaApiError,
  LicentiaClient,
  LicentiaResponseError,
  machineFingerprint,
  verifyLicenseFile,
} from '@licentia/sdk';
import { type Config, keysOf } from './config.ts';

/** What the app prints and exits with: licensed or not, and why. */
export interface Outcome {
  licensed: boolean;
  code: string;
  detail: string;
  mode: 'online' | 'offline';
  licenseId?: string | null;
  expiresAt?: string | null;
  warnings?: string[];
}

const fingerprintOf = (config: Config) =>
  machineFingerprint(config.appId, config.machineId ? { machineIdSource: () => config.machineId! } : {});

/** Activate this machine (idempotent), then validate it for this version and these features. */
export async function checkOnline(config: Config): Promise<Outcome> {
  const client = new LicentiaClient({
    url: config.url!,
    keys: keysOf(config),
    ...(config.productToken ? { productToken: config.productToken } : {}),
  });
  const key = config.licenseKey!;
  const fingerprint = await fingerprintOf(config);
  try {
    const activation = await client.activate({
      key,
      fingerprint,
      hostname: hostname(),
      platform: process.platform,
    });
    if (!activation.activated) {
      const detail = activation.violations.map((v) => v.detail).join('; ') || 'activation refused';
      return {
        licensed: false,
        mode: 'online',
        code: activation.code,
        detail,
        licenseId: activation.license?.id,
      };
    }
    const scope = {
      fingerprint,
      version: config.version,
      ...(config.features.length ? { feature: config.features } : {}),
    };
    const answer = await client.validate({ key, scope });
    return {
      licensed: answer.valid,
      mode: 'online',
      code: answer.code,
      detail: answer.valid
        ? 'the server confirms this license'
        : answer.violations.map((v) => v.detail).join('; '),
      licenseId: answer.license?.id ?? null,
      expiresAt: answer.license?.expiresAt ?? null,
      warnings: answer.warnings.map((w) => w.code),
    };
  } catch (error) {
    // An untrustworthy answer or a server problem means "not licensed", never "licensed".
    if (error instanceof LicentiaResponseError || error instanceof LicentiaApiError)
      return { licensed: false, mode: 'online', code: error.code, detail: error.message };
    const cause = error instanceof Error ? error.message : String(error);
    return { licensed: false, mode: 'online', code: 'CONNECTION_FAILED', detail: cause };
  }
}

/** Verify a license file offline: signature, this machine, the clock guard, the validity window. */
export async function checkOffline(config: Config, path: string): Promise<Outcome> {
  const text = readFileSync(path, 'utf8');
  const clock = createClockGuard(
    config.clockFile ? { store: fileClockStore(config.clockFile) } : { appId: config.appId },
  );
  const result = await verifyLicenseFile(text, {
    keys: keysOf(config),
    fingerprint: await fingerprintOf(config),
    clock,
  });
  return {
    licensed: result.valid,
    mode: 'offline',
    code: result.code,
    detail: result.detail,
    licenseId: result.claims?.sub ?? null,
    expiresAt: result.expiresAt?.toISOString() ?? null,
  };
}
