// CSV imports of customer-organization data (issue 5 item 9): formats, reading, row rules and plans.
export * from './assignment-import.ts';
export * from './group-import.ts';
export * from './import-csv.ts';
export * from './import-fields.ts';
export * from './import-formats.ts';
export * from './people-import.ts';
