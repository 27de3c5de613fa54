// A borrowed seat saved to disk: the lease token (and the license token) a licensed app needs to
// run offline until the borrow ends, verified offline by `loadBorrowed`.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LicenseClaims } from '@licentia/core';
import type { KeySet } from '../keys.ts';
import type { TokenCode } from '../signed-claims.ts';
import { verifyLicenseToken } from '../verify-token.ts';
import type { FloatingLease, LeaseClaims } from './floating-types.ts';
import { type LeaseTokenCode, verifyLeaseToken } from './lease-token.ts';

/** The `format` member of a borrow file. */
export const BORROW_FILE_FORMAT = 'licentia-borrow/1';

export interface BorrowedSeat {
  lease: FloatingLease;
  leaseToken: string;
  licenseToken?: string;
}

/** Write atomically (temp file, then rename) and readable by the owner only: it is a credential. */
export async function writeBorrowFile(file: string, seat: BorrowedSeat): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify({ format: BORROW_FILE_FORMAT, ...seat }, null, 2)}\n`, {
    mode: 0o600,
  });
  await rename(temp, file);
}

/** Read a borrow file without verifying it; throws when it is missing or not a borrow file. */
export async function readBorrowFile(file: string): Promise<BorrowedSeat> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<BorrowedSeat> & { format?: unknown };
  if (parsed?.format !== BORROW_FILE_FORMAT || typeof parsed.leaseToken !== 'string' || !parsed.lease?.id)
    throw new TypeError(`${file} is not a Licentia borrow file`);
  return parsed as BorrowedSeat;
}

export type BorrowCode = LeaseTokenCode | `LICENSE_${TokenCode}` | 'MISSING';

export interface BorrowVerification {
  /** True only for code VALID: the feature may be used offline. */
  valid: boolean;
  code: BorrowCode;
  detail: string;
  /** The verified lease claims (feature `feat`, seats `cnt`, end `exp`); null when unverified. */
  lease: LeaseClaims | null;
  /** The verified license claims when the file carries a license token. */
  license: LicenseClaims | null;
  /** When the borrowed seat ends; null when unverified. */
  expiresAt: Date | null;
}

export interface LoadBorrowedOptions {
  keys: KeySet;
  now?: Date;
  leewaySeconds?: number;
  /** When set, the license token's audience (your product id) must match. */
  audience?: string;
}

/**
 * Verify a borrowed seat offline: the lease token (signature, typ lease+jwt, not expired), then the
 * license token when present (valid, and the license the lease is on). Never throws for a missing or
 * bad file; only a failing key source throws.
 * @example
 * const seat = await loadBorrowed('/home/ann/.acme/borrow.json', { keys: keysFromJwks(bundledJwks) });
 * if (!seat.valid) exitWith(`no offline seat: ${seat.code}`);
 */
export async function loadBorrowed(file: string, options: LoadBorrowedOptions): Promise<BorrowVerification> {
  const refuse = (code: BorrowCode, detail: string, lease: LeaseClaims | null = null) => ({
    valid: false,
    code,
    detail,
    lease,
    license: null,
    expiresAt: lease ? new Date(lease.exp * 1000) : null,
  });
  let seat: BorrowedSeat;
  try {
    seat = await readBorrowFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return refuse(missing ? 'MISSING' : 'MALFORMED', missing ? `${file} does not exist` : String(error));
  }
  const checked = await verifyLeaseToken(seat.leaseToken, options);
  if (!checked.valid || !checked.claims) return refuse(checked.code, checked.detail, checked.claims);
  const lease = checked.claims;
  let license: LicenseClaims | null = null;
  if (seat.licenseToken !== undefined) {
    const token = await verifyLicenseToken(seat.licenseToken, options);
    if (!token.valid || !token.claims) return refuse(`LICENSE_${token.code}`, token.detail, lease);
    if (token.claims.sub !== lease.lic)
      return refuse(
        'WRONG_LICENSE',
        `the lease is on ${lease.lic}, the license token is ${token.claims.sub}`,
        lease,
      );
    license = token.claims;
  }
  const detail = `borrowed ${lease.cnt} × ${lease.feat} until ${new Date(lease.exp * 1000).toISOString()}`;
  return { valid: true, code: 'VALID', detail, lease, license, expiresAt: new Date(lease.exp * 1000) };
}
