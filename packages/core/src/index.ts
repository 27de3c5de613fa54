// The licensing domain, pure: no I/O, no clock, no randomness. Capabilities by folder.
export * from './access/authorize.ts';
export * from './access/roles.ts';
export * from './allocation/index.ts';
export * from './audit/audit-chain.ts';
export * from './catalog/index.ts';
export * from './errors/app-error.ts';
export * from './errors/error-codes.ts';
export * from './floating/index.ts';
export * from './ids/id-prefixes.ts';
export * from './jws/compact-jws.ts';
export * from './licenses/index.ts';
export * from './machines/index.ts';
export * from './policies/index.ts';
export * from './tokens/token-format.ts';
export * from './usage/index.ts';
export * from './user-licenses/index.ts';
