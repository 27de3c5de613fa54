// The public JSON of an amendment, stored or previewed (a preview has no id and no creation time).
import type { AmendmentRow } from '@licentia/db';

export type AmendmentDraft = Omit<AmendmentRow, 'id' | 'accountId' | 'createdAt'> & {
  id: string | null;
  createdAt: Date | null;
};

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function toAmendmentView(a: AmendmentDraft) {
  return {
    id: a.id,
    licenseId: a.licenseId,
    kind: a.kind,
    fromPolicyId: a.fromPolicyId,
    toPolicyId: a.toPolicyId,
    creditCents: a.creditCents,
    chargeCents: a.chargeCents,
    netCents: a.netCents,
    termStart: iso(a.termStart),
    termEnd: iso(a.termEnd),
    details: a.details,
    createdAt: iso(a.createdAt),
  };
}
