// @licentia/sdk: what a licensed application embeds — offline verification of license tokens and
// files, a clock-rollback guard, machine fingerprints, a client for online validation, and floating
// seats (check-out, heartbeats, queue, borrowing).
export * from './client.ts';
export * from './client-types.ts';
export * from './clock-guard.ts';
export * from './errors.ts';
export * from './fingerprint.ts';
export * from './floating/index.ts';
export * from './keys.ts';
export * from './license-file.ts';
export {
  DEFAULT_MAX_RESPONSE_AGE_MS,
  parseSignatureHeader,
  verifySignedAnswer,
} from './response-signature.ts';
export * from './verify-token.ts';
