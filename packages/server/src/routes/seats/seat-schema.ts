// The public shapes of named-user seats: holders of a license, utilization, and a person's licenses.
import type { SeatLicenseRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable, PageQuery, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';
import { PersonId, UserLicenseTypeSchema } from '../people/person-schema.ts';

export const LicenseId = IdParam('License', 'lic');

export const SeatLicenseParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, licenseId: LicenseId },
  { additionalProperties: false },
);

export const SeatParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, licenseId: LicenseId, personId: PersonId },
  { additionalProperties: false },
);

export const Seat = Type.Object(
  {
    licenseId: Type.String(),
    personId: Type.String(),
    username: Type.String(),
    name: Type.String(),
    email: Type.String(),
    assignedAt: Timestamp,
  },
  { $id: 'SeatAssignment' },
);

const UtilizationFields = {
  capacity: Type.Integer(),
  assigned: Type.Integer(),
  available: Type.Integer(),
  ratio: Type.Number({ description: 'assigned / capacity' }),
};

export const SeatLicense = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  environmentId: Nullable(Type.String()),
  status: Type.String(),
  ...UtilizationFields,
});

export const SeatList = Type.Object({
  license: SeatLicense,
  data: Type.Array(Seat),
  nextCursor: Nullable(Type.String()),
});

export const SeatUtilizationSchema = Type.Object({
  licenses: Type.Array(
    Type.Object({
      licenseId: Type.String(),
      productName: Type.String(),
      environmentId: Nullable(Type.String()),
      ...UtilizationFields,
    }),
  ),
  environments: Type.Array(
    Type.Object({
      environmentId: Nullable(Type.String()),
      name: Nullable(Type.String({ description: 'null: licenses not installed in any environment' })),
      licenseCount: Type.Integer(),
      ...UtilizationFields,
    }),
  ),
  total: Type.Object(UtilizationFields),
});

export const PersonLicenses = Type.Object(
  {
    person: Type.Object({
      id: Type.String(),
      username: Type.String(),
      name: Type.String(),
      email: Type.String(),
      status: Type.String(),
    }),
    userLicenseType: Nullable(UserLicenseTypeSchema),
    seats: Type.Array(
      Type.Object({
        licenseId: Type.String(),
        productId: Type.String(),
        productName: Type.String(),
        environmentId: Nullable(Type.String()),
        status: Type.String(),
        expiresAt: Nullable(Timestamp),
        assignedAt: Timestamp,
      }),
    ),
    environments: Type.Array(
      Type.Object({
        environmentId: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        products: Type.Array(Type.Object({ productId: Type.String(), productName: Type.String() })),
      }),
    ),
  },
  { $id: 'PersonLicenses' },
);

export const SeatBody = Type.Object({ personId: PersonId }, { additionalProperties: false });
export const TransferBody = Type.Object(
  { fromPersonId: PersonId, toPersonId: PersonId },
  { additionalProperties: false },
);
export { PageQuery };

export function toSeatLicense(row: SeatLicenseRow) {
  const capacity = row.maxUsers ?? 0;
  return {
    id: row.id,
    productId: row.productId,
    productName: row.productName,
    environmentId: row.environmentId,
    status: row.status,
    capacity,
    assigned: row.seatsAssigned,
    available: Math.max(0, capacity - row.seatsAssigned),
    ratio: capacity === 0 ? 0 : Math.round((row.seatsAssigned / capacity) * 1000) / 1000,
  };
}
