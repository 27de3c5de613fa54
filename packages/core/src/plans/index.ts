// Plans (issue 5, License level): the catalog of what each plan includes and the plan gate.
export * from './plan-catalog.ts';
export * from './plan-gate.ts';
