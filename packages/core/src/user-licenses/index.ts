// User-license counting (MISSION D2): purchased vs used across all environments.
export * from './count-user-licenses.ts';
export * from './user-license-types.ts';
