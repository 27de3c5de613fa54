// The licenses capability: keys, terms, validation, lifecycle, proration and token claims.
export * from './convert-trial.ts';
export * from './effective-terms.ts';
export * from './license-claims.ts';
export * from './license-dates.ts';
export * from './license-key.ts';
export * from './license-types.ts';
export * from './license-window.ts';
export * from './lifecycle.ts';
export * from './parse-license-claims.ts';
export * from './proration.ts';
export * from './renew-license.ts';
export * from './scope-checks.ts';
export * from './validate-license.ts';
export * from './validation-codes.ts';
