// Change requests: what customers ask the vendor for, case numbers, the status flow, notifications.
export * from './case-number.ts';
export * from './change-request-notifications.ts';
export * from './change-request-status.ts';
export * from './change-request-types.ts';
export * from './validate-change-request.ts';
