// Floating licenses in the SDK: seats checked out, heartbeated and checked in, queue waiting, and
// borrowed seats verified offline.
export * from './borrow-file.ts';
export * from './exit-release.ts';
export * from './floating-client.ts';
export * from './floating-types.ts';
export * from './held-lease.ts';
export * from './lease-token.ts';
export * from './wait-in-queue.ts';
