// Machine fingerprints: an HMAC of the app id keyed by the OS machine id, so the raw id never leaves the machine.
import { createHmac } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';

/** A fingerprint as derived here: 64 lowercase hex characters. */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/;

/**
 * HMAC-SHA256(key = machine id, message = app id) as lowercase hex. Per-app: two vendors' apps on
 * one machine get unrelated fingerprints, so fingerprints cannot be joined across vendors, and the
 * machine id cannot be recovered from one. Pure given its inputs (the caller reads the OS id).
 * @example deriveFingerprint('4c4c4544-0042-3510-8052-b4c04f4d3732', 'com.acme.cad') // '…64 hex…'
 */
export function deriveFingerprint(machineId: string, appId: string): string {
  if (machineId.trim() === '')
    throw new AppError('INVALID_FIELD', 'machineId must not be empty', { field: 'machineId' });
  if (appId.trim() === '') throw new AppError('INVALID_FIELD', 'appId must not be empty', { field: 'appId' });
  return createHmac('sha256', machineId.trim()).update(appId, 'utf8').digest('hex');
}

/**
 * True for a string shaped like a derived fingerprint.
 * @example isFingerprint('a'.repeat(64)) // true
 */
export function isFingerprint(value: unknown): value is string {
  return typeof value === 'string' && FINGERPRINT_PATTERN.test(value);
}
