// The create-policy form as text boxes, and its conversion to the API body: blank boxes are left
// out (the server's defaults apply), lists are split, the price is entered in currency units.
import type { Entitlement, LicenseModel, OverageStrategy, PolicyInput } from '../../api/api-types.ts';
import { parseFeatureValue } from '../products/feature-value.ts';

export interface PolicyDraft {
  productId: string;
  name: string;
  model: LicenseModel;
  durationIso: string;
  maintenanceDurationIso: string;
  gracePeriodIso: string;
  maxMachines: string;
  maxUsers: string;
  overage: OverageStrategy;
  heartbeatIntervalSeconds: string;
  allowedCountries: string;
  allowedDepartments: string;
  versionRange: string;
  /** One entitlement per line: `CODE` or `CODE=value`. */
  entitlements: string;
  price: string;
  billingPeriodIso: string;
  renewFrom: 'NOW' | 'EXPIRY';
  trialStartsAt: 'ISSUE' | 'FIRST_ACTIVATION';
  maxBorrowHours: string;
}

export const EMPTY_DRAFT: PolicyDraft = {
  productId: '',
  name: '',
  model: 'SUBSCRIPTION',
  durationIso: '',
  maintenanceDurationIso: '',
  gracePeriodIso: '',
  maxMachines: '',
  maxUsers: '',
  overage: 'NO',
  heartbeatIntervalSeconds: '',
  allowedCountries: '',
  allowedDepartments: '',
  versionRange: '',
  entitlements: '',
  price: '',
  billingPeriodIso: '',
  renewFrom: 'EXPIRY',
  trialStartsAt: 'ISSUE',
  maxBorrowHours: '',
};

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
// Numbers are sent as typed; a fraction or a negative is the server's to refuse, next to its field.
const count = (value: string) => (value.trim() === '' ? undefined : Number(value));
const list = (value: string) =>
  value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

export function parseEntitlements(value: string): Entitlement[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = '', ...rest] = line.split('=');
      const parsed = rest.length > 0 ? parseFeatureValue(rest.join('=')) : undefined;
      return parsed === undefined ? { code: code.trim() } : { code: code.trim(), value: parsed };
    });
}

export function toPolicyInput(draft: PolicyDraft): PolicyInput {
  const price = text(draft.price);
  const body: Record<string, unknown> = {
    productId: draft.productId,
    name: draft.name.trim(),
    model: draft.model,
    durationIso: text(draft.durationIso),
    maintenanceDurationIso: text(draft.maintenanceDurationIso),
    gracePeriodIso: text(draft.gracePeriodIso),
    maxMachines: count(draft.maxMachines),
    maxUsers: count(draft.maxUsers),
    overage: draft.overage,
    heartbeatIntervalSeconds: count(draft.heartbeatIntervalSeconds),
    allowedCountries: list(draft.allowedCountries).map((c) => c.toUpperCase()),
    allowedDepartments: list(draft.allowedDepartments),
    versionRange: text(draft.versionRange),
    entitlements: parseEntitlements(draft.entitlements),
    priceCents: price === undefined ? undefined : Math.round(Number(price) * 100),
    billingPeriodIso: text(draft.billingPeriodIso),
    renewFrom: draft.renewFrom,
    // Only trials choose when their clock starts; the server refuses the choice elsewhere.
    trialStartsAt: draft.model === 'TRIAL' ? draft.trialStartsAt : undefined,
    maxBorrowHours: draft.model === 'FLOATING' ? count(draft.maxBorrowHours) : undefined,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body as unknown as PolicyInput;
}
