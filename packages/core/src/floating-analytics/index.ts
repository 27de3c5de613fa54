// Usage analytics of floating licenses (issue 4, C3): peaks, utilization, denials and queue waits from the event log.
export * from './bucket-usage.ts';
export * from './denial-breakdown.ts';
export * from './peak-concurrency.ts';
export * from './queue-wait-stats.ts';
export * from './usage-record.ts';
export * from './utilization.ts';
