// Named-user seats (MISSION D7): assignment rules and utilization.
export * from './seat-rules.ts';
export * from './seat-utilization.ts';
