// `licentia verify <token|file>`: offline verification through the SDK, exactly as a licensed app
// would do it — a compact JWS, a file holding one, or an armoured license file (detected).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dearmorLicenseFile, decodeJws, type LicenseClaims } from '@licentia/core';
import {
  createClockGuard,
  type KeySet,
  type KeySource,
  loadKeys,
  memoryClockStore,
  verifyLicenseFile,
  verifyLicenseToken,
} from '@licentia/sdk';
import type { Command } from 'commander';
import { CommandFailure, outputOf, UsageError } from '../command-context.ts';

interface VerifyOptions {
  jwks: string;
  fingerprint?: string;
  audience?: string;
}

interface Verdict {
  valid: boolean;
  code: string;
  detail: string;
  kind: 'token' | 'file';
  claims: LicenseClaims | null;
}

const FILE_BEGIN = '-----BEGIN LICENTIA LICENSE FILE-----';
const LICENSE_CLAIM = 'https://licentia.dev/license';

/** The argument is a path when such a file exists; otherwise it is the token itself. */
function readInput(input: string): { kind: 'token' | 'file'; text: string } {
  const text = existsSync(input) && statSync(input).isFile() ? readFileSync(input, 'utf8') : input;
  return text.includes(FILE_BEGIN) ? { kind: 'file', text } : { kind: 'token', text: text.trim() };
}

/** A JWKS URL, or a JWKS JSON / PEM public key file shipped with the app. */
function keysOf(jwks: string): KeySet {
  if (/^https?:\/\//i.test(jwks)) return loadKeys(jwks);
  if (!existsSync(jwks)) throw new UsageError(`--jwks: no such file and not a URL: ${jwks}`);
  const text = readFileSync(jwks, 'utf8');
  try {
    return loadKeys((text.trimStart().startsWith('{') ? JSON.parse(text) : text) as KeySource);
  } catch (error) {
    throw new UsageError(
      `--jwks ${jwks} is neither a JWKS nor a PEM public key (${(error as Error).message})`,
    );
  }
}

/** The fingerprint a file names (read before verification only to skip the machine check when none is given). */
function boundFingerprintOf(text: string): string {
  const jws = dearmorLicenseFile(text);
  const machine = jws ? decodeJws(jws)?.payload['https://licentia.dev/machine'] : undefined;
  return typeof (machine as { fingerprint?: unknown })?.fingerprint === 'string'
    ? (machine as { fingerprint: string }).fingerprint
    : '';
}

async function verify(input: string, options: VerifyOptions): Promise<Verdict> {
  const { kind, text } = readInput(input);
  const keys = keysOf(options.jwks);
  const base = options.audience ? { keys, audience: options.audience } : { keys };
  if (kind === 'file') {
    // A one-shot check has no clock history: the rollback guard starts empty each run.
    const clock = createClockGuard({ store: memoryClockStore() });
    const fingerprint = options.fingerprint ?? boundFingerprintOf(text);
    const result = await verifyLicenseFile(text, { ...base, fingerprint, clock });
    return { valid: result.valid, code: result.code, detail: result.detail, kind, claims: result.claims };
  }
  const result = await verifyLicenseToken(text, base);
  const bound = result.claims?.[LICENSE_CLAIM].boundFingerprints ?? [];
  if (result.valid && options.fingerprint && bound.length > 0 && !bound.includes(options.fingerprint)) {
    const detail = 'the license is node-locked to other machines';
    return { valid: false, code: 'FINGERPRINT_MISMATCH', detail, kind, claims: result.claims };
  }
  return { valid: result.valid, code: result.code, detail: result.detail, kind, claims: result.claims };
}

const time = (seconds: number | undefined) =>
  seconds === undefined ? null : new Date(seconds * 1000).toISOString();

/** The claims a person checks first; --json prints them all. */
function summary(claims: LicenseClaims): Record<string, unknown> {
  const terms = claims[LICENSE_CLAIM];
  return {
    license: claims.sub,
    account: claims.iss,
    product: claims.aud,
    model: terms.model,
    status: terms.status,
    customer: terms.customer,
    policy: terms.policy,
    issuedAt: time(claims.iat),
    notBefore: time(claims.nbf),
    expiresAt: time(claims.exp),
    maintenanceEndsAt: time(terms.maintenanceEndsAt ?? undefined),
    entitlements: terms.entitlements.map((e) => (e.value === undefined ? e.code : `${e.code}=${e.value}`)),
    limits: terms.limits,
    versionRange: terms.versionRange,
  };
}

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      'Verify a license token or license file offline against the vendor keys; exit 0 when valid, 1 when not',
    )
    .argument('<token|file>', 'a compact JWS, or a path to a token file or an armoured license file')
    .requiredOption('--jwks <url|file>', 'the account JWKS URL, or a JWKS JSON / PEM public key file')
    .option(
      '--fingerprint <fp>',
      "this machine's fingerprint (checked against a file or a node-locked token)",
    )
    .option('--audience <productId>', 'require the token to be for this product')
    .action(async (input: string, options: VerifyOptions, command: Command) => {
      const output = outputOf(command);
      let verdict: Verdict;
      try {
        verdict = await verify(input, options);
      } catch (error) {
        if (error instanceof UsageError) throw error;
        // Only the key source throws (a JWKS URL that cannot be fetched): not a verdict on the license.
        output.error(`error: cannot load the keys from ${options.jwks}: ${(error as Error).message}`);
        throw new CommandFailure(1);
      }
      if (output.json) output.message('', verdict);
      else {
        const what = verdict.kind === 'file' ? 'license file' : 'license token';
        output.message(
          `${verdict.valid ? 'VALID' : 'INVALID'} ${what}: ${verdict.code}\n  ${verdict.detail}`,
        );
        if (verdict.claims) output.record(summary(verdict.claims));
      }
      if (!verdict.valid) throw new CommandFailure(1);
    });
}
