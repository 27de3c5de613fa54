// The license overview (issue 5): Products, Integrations, Users and License level in one answer.
export * from './build-license-overview.ts';
export * from './overview-types.ts';
