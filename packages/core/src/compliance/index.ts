// User-count enforcement (issue 7, E3–E5): modes and their transitions, license problems with their
// remedies, license server status, and harvesting agents. Pure: the clock is an argument.
export * from './compliance-types.ts';
export * from './evaluate-compliance.ts';
export * from './harvesting.ts';
export * from './license-problems.ts';
export * from './license-server-status.ts';
export * from './remedies.ts';
export * from './user-limit.ts';
