// The policies capability: license models, durations, overage limits and policy validation.
export * from './country-codes.ts';
export * from './effective-limit.ts';
export * from './iso-duration.ts';
export * from './policy-consistency.ts';
export * from './policy-types.ts';
export * from './validate-policy.ts';
