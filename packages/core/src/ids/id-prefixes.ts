// The one table of id prefixes. Ids are prefixed and time-sortable; they are generated outside the
// core (the core takes ids as arguments) so domain code stays deterministic.

export const ID_PREFIXES = {
  account: 'acct',
  organization: 'org',
  token: 'tok',
  auditEvent: 'aud',
  product: 'prod',
  release: 'rel',
  feature: 'feat',
  policy: 'pol',
  license: 'lic',
  machine: 'mach',
  lease: 'lease',
  signingKey: 'key',
  amendment: 'amd',
  approvalRequest: 'apr',
  validationEvent: 'val',
  floatingPool: 'fpool',
  floatingEvent: 'fev',
  harvestingAgent: 'agent',
  harvestingGroup: 'hgrp',
  idleReport: 'idle',
  licenseServer: 'lsrv',
  environment: 'env',
  person: 'person',
  permissionGroup: 'pgrp',
  entitlement: 'ent',
  changeRequest: 'creq',
  changeRequestComment: 'crcm',
  notification: 'ntf',
  allocationProduct: 'alprod',
  allocationGroup: 'algrp',
  allocationAssignment: 'alasg',
  allocationRecompute: 'alrec',
  loginRefusal: 'alref',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/** True when `id` is shaped like an id of `kind` (prefix, underscore, 26 base32 characters). */
export function isIdOf(kind: IdKind, id: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9a-z]{26}$`).test(id);
}
