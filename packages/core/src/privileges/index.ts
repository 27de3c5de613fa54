// Privilege levels inside customer organizations: who holds what, the supervisor rules, refusals.
export * from './org-privileges.ts';
export * from './privilege-refusal.ts';
export * from './supervisor-rules.ts';
