// The public shape of a monitored license server, its create/update bodies and path parameters.
import type { LicenseServerRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';

export const LicenseServerId = IdParam('License server', 'lsrv');

export const LicenseServerParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, licenseServerId: LicenseServerId },
  { additionalProperties: false },
);

const Status = Type.Union([Type.Literal('ONLINE'), Type.Literal('OFFLINE'), Type.Literal('ERROR')]);
const Names = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { maxItems: 50, description });

export const LicenseServer = Type.Object(
  {
    id: Type.String(),
    organizationId: Type.String(),
    name: Type.String(),
    hosts: Type.Array(Type.String()),
    vendorDaemons: Type.Array(Type.String()),
    timeZone: Type.String({ description: "IANA zone of the server's clock (logs carry local times)" }),
    status: Status,
    statusDetail: Nullable(Type.String()),
    version: Nullable(Type.String()),
    enabled: Type.Boolean({ description: 'A disabled server takes no new usage' }),
    lastPolledAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'LicenseServer' },
);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  hosts: Names('"port@host" or host names, e.g. a triad'),
  vendorDaemons: Names('Vendor daemon names, e.g. MLM'),
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone, e.g. Europe/Madrid' }),
  enabled: Type.Boolean(),
};

export const CreateLicenseServerBody = Type.Object(
  {
    name: fields.name,
    hosts: Type.Optional(fields.hosts),
    vendorDaemons: Type.Optional(fields.vendorDaemons),
    timeZone: Type.Optional(fields.timeZone),
    enabled: Type.Optional(fields.enabled),
  },
  { additionalProperties: false },
);

export const UpdateLicenseServerBody = Type.Partial(Type.Object(fields), { additionalProperties: false });

export function toLicenseServer(row: LicenseServerRow) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    hosts: row.hosts,
    vendorDaemons: row.vendorDaemons,
    timeZone: row.timeZone,
    status: row.status,
    statusDetail: row.statusDetail,
    version: row.version,
    enabled: row.enabled,
    lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
