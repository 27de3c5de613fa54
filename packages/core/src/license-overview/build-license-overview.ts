// Assembles the license overview (seed 000) from an organization's environments, licenses,
// entitlements and people: per-production-environment products, integrations with their terms,
// user licenses purchased vs used (counted by user-licenses/), and the plans side by side.
import { attachedEnvironments, licensedProducts } from '../environments/licensed-products.ts';
import { PLAN_CATALOG, PLAN_FEATURES, type PlanFeature } from '../plans/plan-catalog.ts';
import { countUserLicenses } from '../user-licenses/count-user-licenses.ts';
import { OVERAGE_MESSAGE, USER_LICENSE_ORDER } from '../user-licenses/user-license-types.ts';
import type {
  IntegrationsTab,
  LicenseLevelTab,
  LicenseOverview,
  OverviewEntitlement,
  OverviewInput,
  ProductsTab,
  TermStatus,
  UsersTab,
} from './overview-types.ts';

/** Where an entitlement's term stands at `now`: ends_at is exclusive. */
export function termStatus(term: { startsAt: Date; endsAt: Date | null }, now: Date): TermStatus {
  if (term.startsAt.getTime() > now.getTime()) return 'FUTURE';
  if (term.endsAt && term.endsAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}

/**
 * The four tabs of the license overview.
 * @example buildLicenseOverview({ plan: 'STANDARD', now, environments, licenses, entitlements, users }).users.message
 * // null, or 'contact your account manager for a license adjustment'
 */
export function buildLicenseOverview(input: OverviewInput): LicenseOverview {
  return {
    products: productsTab(input),
    integrations: integrationsTab(input),
    users: usersTab(input),
    licenseLevel: licenseLevelTab(input),
  };
}

function productsTab({ environments, licenses }: OverviewInput): ProductsTab {
  const attached = attachedEnvironments(environments);
  const productName = new Map(licenses.map((l) => [l.productId, l.productName]));
  const byId = new Map(environments.map((e) => [e.id, e]));
  return {
    environments: environments
      .filter((e) => e.kind === 'PRODUCTION')
      .map((e) => ({
        environmentId: e.id,
        name: e.name,
        attachedEnvironments: (attached.get(e.id) ?? []).map((a) => ({
          id: a.id,
          name: a.name,
          kind: a.kind,
        })),
        licenses: licenses.filter((l) => l.environmentId === e.id),
      })),
    notInstalled: licenses.filter((l) => l.environmentId === null || !byId.has(l.environmentId)),
    licensedProducts: licensedProducts(environments, licenses).map((row) => {
      const e = byId.get(row.environmentId)!;
      return {
        environmentId: e.id,
        name: e.name,
        kind: e.kind,
        licensedThroughId: row.licensedThroughId,
        products: row.productIds.map((productId) => ({
          productId,
          productName: productName.get(productId) ?? productId,
        })),
      };
    }),
  };
}

function integrationsTab({ entitlements, environments, now }: OverviewInput): IntegrationsTab {
  const rows = (kind: OverviewEntitlement['kind']) =>
    entitlements.filter((e) => e.kind === kind).map((e) => ({ ...e, status: termStatus(e, now) }));
  const databaseInstances = rows('DATABASE_INSTANCE');
  return {
    integrations: rows('INTEGRATION'),
    addOns: rows('ADD_ON'),
    databaseInstances,
    databaseInstanceUse: {
      purchased: databaseInstances.filter((e) => e.status === 'ACTIVE').reduce((n, e) => n + e.quantity, 0),
      inUse: environments.filter((e) => e.kind !== 'PRODUCTION').length,
    },
  };
}

function usersTab({ entitlements, environments, users, now }: OverviewInput): UsersTab {
  const purchased = { USER: 0, LIGHT: 0, MEMBER: 0 };
  for (const e of entitlements) {
    if (e.kind !== 'USER_LICENSE' || termStatus(e, now) !== 'ACTIVE') continue;
    if (e.code === 'USER' || e.code === 'LIGHT' || e.code === 'MEMBER') purchased[e.code] += e.quantity;
  }
  const count = countUserLicenses({ ...users, environments, purchased });
  const over = new Set(count.overage.map((o) => o.type));
  const peopleIn = new Map<string, Set<string>>();
  for (const row of count.perPerson) {
    for (const id of row.environments) peopleIn.set(id, (peopleIn.get(id) ?? new Set()).add(row.personId));
  }
  return {
    types: USER_LICENSE_ORDER.map((type) => ({
      type,
      purchased: purchased[type],
      used: count.used[type],
      free: type === 'MEMBER',
      overage: type !== 'MEMBER' && over.has(type),
    })),
    overage: count.overage,
    message: count.overage.length > 0 ? OVERAGE_MESSAGE : null,
    nonProductionOnly: count.perPerson.filter((p) => p.nonProductionOnly).length,
    environments: environments.map((e) => ({
      environmentId: e.id,
      name: e.name,
      kind: e.kind,
      people: peopleIn.get(e.id)?.size ?? 0,
    })),
  };
}

function licenseLevelTab({ plan }: OverviewInput): LicenseLevelTab {
  const features = Object.keys(PLAN_FEATURES) as PlanFeature[];
  return {
    plan,
    plans: PLAN_CATALOG.map((d) => ({
      plan: d.plan,
      name: d.name,
      summary: d.summary,
      current: d.plan === plan,
      features: features.map((feature) => ({
        feature,
        ...PLAN_FEATURES[feature],
        included: d.features.includes(feature),
      })),
    })),
  };
}
