// The public shape of CSV imports: path and query parameters, and the dry-run / apply answer.
import { IMPORT_KINDS } from '@licentia/core';
import { Type } from 'typebox';
import { AccountId } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';

export const ImportParams = Type.Object(
  {
    accountId: AccountId,
    organizationId: OrganizationId,
    kind: Type.Union(
      IMPORT_KINDS.map((k) => Type.Literal(k)),
      {
        description: 'What the file holds: people, groups (permission groups) or assignments (group members)',
      },
    ),
  },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object(
  {
    dryRun: Type.Boolean({
      default: true,
      description: 'true (default): report what would change and write nothing; false: apply',
    }),
  },
  { additionalProperties: false },
);

export const ImportRowErrorSchema = Type.Object({
  line: Type.Integer({ description: 'The line of the file the record starts on (the header is line 1)' }),
  field: Type.Optional(Type.String()),
  reason: Type.String(),
});

export const ImportAnswerSchema = Type.Object(
  {
    kind: Type.String(),
    dryRun: Type.Boolean(),
    rows: Type.Integer({ description: 'Data records in the file' }),
    create: Type.Integer(),
    update: Type.Integer(),
    unchanged: Type.Integer(),
    errors: Type.Array(ImportRowErrorSchema, { description: 'The first 100 bad rows, by line' }),
    errorCount: Type.Integer(),
    changes: Type.Array(
      Type.Object({
        line: Type.Integer(),
        action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('unchanged')]),
        key: Type.String({
          description: 'The row target: username, environment/group, or username → environment/group',
        }),
        fields: Type.Array(Type.String(), { description: 'For an update: the columns that change' }),
      }),
      { description: 'The first 100 rows that create or update something, by line' },
    ),
  },
  { $id: 'ImportAnswer' },
);
