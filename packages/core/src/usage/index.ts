// Usage monitoring: one event model, streaming parsers (FlexNet debug logs, lmstat -a, CSV) and denial views.

export * from './csv-records.ts';
export * from './denials.ts';
export * from './flexnet-clock.ts';
export * from './flexnet-debug-parser.ts';
export * from './flexnet-line.ts';
export * from './flexnet-parser-types.ts';
export * from './flexnet-usage-body.ts';
export * from './line-splitter.ts';
export * from './lmstat-lines.ts';
export * from './lmstat-parser.ts';
export * from './lmstat-types.ts';
export * from './local-time.ts';
export * from './usage-csv-parser.ts';
export * from './usage-event.ts';
