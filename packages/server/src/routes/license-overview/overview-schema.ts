// The public shape of the license overview: the tabs Products, Integrations, Users and License level.
import type { LicenseOverview, OverviewLicense, TermRow } from '@licentia/core';
import { Type } from 'typebox';
import { Nullable, Timestamp } from '../../http/schemas.ts';
import { EntitlementKind } from '../entitlements/entitlement-schema.ts';
import { EnvironmentKind } from '../environments/environment-schema.ts';
import { UserLicenseTypeSchema } from '../people/person-schema.ts';

const Plan = Type.Union([Type.Literal('STANDARD'), Type.Literal('PROFESSIONAL'), Type.Literal('ENTERPRISE')]);

export { Plan as PlanSchema };

const ProductLicense = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  productId: Type.String(),
  productName: Type.String(),
  environmentId: Nullable(Type.String()),
  status: Type.String(),
  startsAt: Timestamp,
  expiresAt: Nullable(Timestamp),
  maxUsers: Nullable(Type.Integer()),
  seatsAssigned: Type.Integer(),
});

const Term = Type.Object({
  id: Type.String(),
  kind: EntitlementKind,
  code: Type.String(),
  name: Type.String(),
  quantity: Type.Integer(),
  startsAt: Timestamp,
  endsAt: Nullable(Timestamp),
  status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('FUTURE'), Type.Literal('EXPIRED')]),
});

export const LicenseOverviewSchema = Type.Object(
  {
    organizationId: Type.String(),
    generatedAt: Timestamp,
    products: Type.Object({
      environments: Type.Array(
        Type.Object({
          environmentId: Type.String(),
          name: Type.String(),
          attachedEnvironments: Type.Array(
            Type.Object({ id: Type.String(), name: Type.String(), kind: EnvironmentKind }),
          ),
          licenses: Type.Array(ProductLicense),
        }),
      ),
      notInstalled: Type.Array(ProductLicense),
      licensedProducts: Type.Array(
        Type.Object({
          environmentId: Type.String(),
          name: Type.String(),
          kind: EnvironmentKind,
          licensedThroughId: Nullable(Type.String()),
          products: Type.Array(Type.Object({ productId: Type.String(), productName: Type.String() })),
        }),
      ),
    }),
    integrations: Type.Object({
      integrations: Type.Array(Term),
      addOns: Type.Array(Term),
      databaseInstances: Type.Array(Term),
      databaseInstanceUse: Type.Object({ purchased: Type.Integer(), inUse: Type.Integer() }),
    }),
    users: Type.Object({
      types: Type.Array(
        Type.Object({
          type: UserLicenseTypeSchema,
          purchased: Type.Integer(),
          used: Type.Integer(),
          free: Type.Boolean(),
          overage: Type.Boolean(),
        }),
      ),
      overage: Type.Array(
        Type.Object({
          type: UserLicenseTypeSchema,
          used: Type.Integer(),
          purchased: Type.Integer(),
          message: Type.String(),
        }),
      ),
      message: Nullable(Type.String()),
      nonProductionOnly: Type.Integer(),
      environments: Type.Array(
        Type.Object({
          environmentId: Type.String(),
          name: Type.String(),
          kind: EnvironmentKind,
          people: Type.Integer(),
        }),
      ),
    }),
    licenseLevel: Type.Object({
      plan: Plan,
      plans: Type.Array(
        Type.Object({
          plan: Plan,
          name: Type.String(),
          summary: Type.String(),
          current: Type.Boolean(),
          features: Type.Array(
            Type.Object({
              feature: Type.String(),
              title: Type.String(),
              description: Type.String(),
              included: Type.Boolean(),
            }),
          ),
        }),
      ),
    }),
  },
  { $id: 'LicenseOverview' },
);

const iso = (d: Date | null) => d?.toISOString() ?? null;
const license = (l: OverviewLicense) => ({
  ...l,
  startsAt: l.startsAt.toISOString(),
  expiresAt: iso(l.expiresAt),
});
const term = (t: TermRow) => ({ ...t, startsAt: t.startsAt.toISOString(), endsAt: iso(t.endsAt) });

/** Dates as ISO strings; everything else as the core built it. */
export function toOverview(organizationId: string, generatedAt: Date, o: LicenseOverview) {
  return {
    organizationId,
    generatedAt: generatedAt.toISOString(),
    products: {
      ...o.products,
      environments: o.products.environments.map((e) => ({ ...e, licenses: e.licenses.map(license) })),
      notInstalled: o.products.notInstalled.map(license),
    },
    integrations: {
      integrations: o.integrations.integrations.map(term),
      addOns: o.integrations.addOns.map(term),
      databaseInstances: o.integrations.databaseInstances.map(term),
      databaseInstanceUse: o.integrations.databaseInstanceUse,
    },
    users: o.users,
    licenseLevel: o.licenseLevel,
  };
}
