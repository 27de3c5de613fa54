// Checks of an entitlement's term and code that the JSON schema cannot express.
import type { EntitlementRow } from '@licentia/db';
import { invalidField } from '../catalog/input-errors.ts';

const USER_LICENSE_CODES = ['USER', 'LIGHT', 'MEMBER'];

export function checkEntitlement(row: Pick<EntitlementRow, 'kind' | 'code' | 'startsAt' | 'endsAt'>): void {
  if (row.kind === 'USER_LICENSE' && !USER_LICENSE_CODES.includes(row.code)) {
    throw invalidField(
      'body.code',
      'NOT_ALLOWED',
      'a USER_LICENSE entitlement has code USER, LIGHT or MEMBER',
    );
  }
  if (row.endsAt && row.endsAt.getTime() <= row.startsAt.getTime()) {
    throw invalidField('body.endsAt', 'INCONSISTENT', 'endsAt must be after startsAt');
  }
}
