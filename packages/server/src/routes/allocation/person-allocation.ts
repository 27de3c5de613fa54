// A person's stored allocation as the API shows it: effective products, released ones with the rule,
// the product they yielded to and the sentence the core explains it with. Shared by the login check
// and the per-person view so both say the same thing.
import {
  decideEffectiveLicenses,
  describeRelease,
  type LicenseProductRef,
  toProductRef,
} from '@licentia/core';
import {
  type AllocationScope,
  allocationRepository,
  allocationResultRepository,
  type Schema,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { Nullable, Timestamp } from '../../http/schemas.ts';
import { Release } from './allocation-schema.ts';

export const EffectiveProduct = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
});

export const PersonAllocation = Type.Object({
  personId: Type.String(),
  loginAllowed: Type.Boolean(),
  effective: Type.Array(EffectiveProduct),
  released: Type.Array(Release),
  reasons: Type.Array(Type.String()),
  computedAt: Nullable(Timestamp),
  revision: Type.Integer({ description: 'How many times the decision changed (0: never computed)' }),
});

export async function personAllocation(db: Kysely<Schema>, scope: AllocationScope, personId: string) {
  const [stored, products] = await Promise.all([
    allocationResultRepository.effectiveOf(db, scope, personId),
    allocationRepository.listProducts(db, scope),
  ]);
  const byCode = new Map(products.map((p) => [p.code, p]));
  // A product removed since the decision still needs a name and a shape to be explained.
  const ref = (code: string): LicenseProductRef =>
    byCode.has(code)
      ? toProductRef(byCode.get(code)!)
      : {
          id: code,
          kind: 'BASE',
          capabilities: new Set(),
          rank: 0,
          generation: 0,
          audience: 'INTERNAL',
          requiresProductIds: [],
        };
  const loginAllowed = stored?.loginAllowed ?? false;
  const released = (stored?.released ?? []).map((r) => ({
    ...r,
    reason: describeRelease({
      license: ref(r.code),
      rule: r.rule,
      inFavourOf: r.inFavourOf ? ref(r.inFavourOf) : null,
    }),
  }));
  // Nothing stored means nothing assigned: the core's decision for an empty set explains it.
  const refusal = loginAllowed ? [] : decideEffectiveLicenses([]).reasons;
  return {
    personId,
    loginAllowed,
    effective: (stored?.effective ?? []).map((code) => ({
      code,
      name: byCode.get(code)?.name ?? code,
      kind: byCode.get(code)?.kind ?? 'BASE',
    })),
    released,
    reasons: [...refusal, ...released.map((r) => r.reason)],
    computedAt: stored ? stored.computedAt.toISOString() : null,
    revision: stored?.revision ?? 0,
  };
}
