// The machines capability: fingerprints and the activation decision.
export * from './decide-activation.ts';
export * from './fingerprint.ts';
