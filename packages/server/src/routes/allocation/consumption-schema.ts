// The public shape of the consumption report and its mapping from the service's answer.
import { Type } from 'typebox';
import type { ConsumptionAnswer } from '../../allocation/allocation-consumption.ts';
import { Nullable, Timestamp } from '../../http/schemas.ts';
import { UserLicenseTypeSchema } from '../people/person-schema.ts';
import { ReleaseRuleSchema } from './allocation-schema.ts';

export const Consumption = Type.Object({
  organizationId: Type.String(),
  generatedAt: Timestamp,
  products: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      userLicenseType: UserLicenseTypeSchema,
      quantity: Nullable(Type.Integer()),
      consumed: Type.Integer(),
      released: Type.Integer(),
      overQuantity: Type.Boolean(),
    }),
  ),
  environments: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      products: Type.Array(Type.Object({ code: Type.String(), consumed: Type.Integer() })),
    }),
  ),
  releases: Type.Array(
    Type.Object({
      code: Type.String(),
      rule: ReleaseRuleSchema,
      inFavourOf: Nullable(Type.String()),
      people: Type.Integer(),
      why: Type.String(),
    }),
  ),
  loginRefused: Type.Integer({ description: 'Active people with assignments but no effective license' }),
  userLicenses: Type.Object({
    types: Type.Array(
      Type.Object({
        type: UserLicenseTypeSchema,
        consumed: Type.Integer({ description: 'From effective licenses: one per person, highest type' }),
        counted: Type.Integer({ description: 'The license overview Users tab (permission groups)' }),
        purchased: Type.Integer(),
      }),
    ),
    agrees: Type.Boolean(),
    differences: Type.Array(
      Type.Object({
        personId: Type.String(),
        allocation: Nullable(UserLicenseTypeSchema),
        permissionGroups: Nullable(UserLicenseTypeSchema),
      }),
    ),
  }),
});

export function toConsumption(organizationId: string, at: Date, answer: ConsumptionAnswer) {
  const { report, userLicenses } = answer;
  return {
    organizationId,
    generatedAt: at.toISOString(),
    products: report.products,
    environments: report.environments,
    releases: report.releases,
    loginRefused: report.loginRefused,
    userLicenses,
  };
}
