// The licensing domain, pure: no I/O, no clock, no randomness. Capabilities by folder.
export * from './access/authorize.ts';
export * from './access/roles.ts';
export * from './audit/audit-chain.ts';
export * from './errors/app-error.ts';
export * from './errors/error-codes.ts';
export * from './ids/id-prefixes.ts';
export * from './tokens/token-format.ts';
