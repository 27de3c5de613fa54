// The consumption report: effective licenses consumed per product and per environment, the released
// ones and why, and the user licenses that consumption implies. Disabled people consume nothing.
// A person consumes each effective product once however many environments they reach; the
// environment view counts them in every environment where they hold an account (test and training
// copies included), so it shows where consumption happens, not a second bill.
import { USER_LICENSE_ORDER, type UserLicenseType } from '../user-licenses/user-license-types.ts';
import type { AllocationProduct } from './allocation-product.ts';
import { RELEASE_RULES, type ReleaseRule } from './release-rules.ts';

/** One person's stored decision, by product code. */
export interface PersonAllocation {
  personId: string;
  active: boolean;
  effective: readonly string[];
  released: readonly { code: string; rule: ReleaseRule; inFavourOf: string | null }[];
}

export interface ConsumptionInput {
  products: readonly AllocationProduct[];
  people: readonly PersonAllocation[];
  environments: readonly { id: string; name: string; kind: string }[];
  environmentAccounts: readonly { personId: string; environmentId: string }[];
}

export interface ProductConsumption {
  code: string;
  name: string;
  kind: AllocationProduct['kind'];
  userLicenseType: UserLicenseType;
  quantity: number | null;
  consumed: number;
  released: number;
  /** True when more people consume it than the quantity held. */
  overQuantity: boolean;
}

export interface ConsumptionReport {
  products: ProductConsumption[];
  environments: { id: string; name: string; kind: string; products: { code: string; consumed: number }[] }[];
  /** Released assignments grouped by product, rule and winner, most frequent first. */
  releases: { code: string; rule: ReleaseRule; inFavourOf: string | null; people: number; why: string }[];
  /** Active people holding assignments but no effective license: their logins are refused. */
  loginRefused: number;
  /** One user license per active person with an effective license, of the highest type among them. */
  userLicenses: { used: Record<UserLicenseType, number>; perPerson: Map<string, UserLicenseType> };
}

/**
 * Build the report from stored decisions. Codes assigned but not held appear nowhere: they grant
 * nothing and cost nothing.
 * @example consumptionReport({ products, people, environments, environmentAccounts }).products[0].consumed
 */
export function consumptionReport(input: ConsumptionInput): ConsumptionReport {
  const consumed = new Map<string, number>();
  const released = new Map<string, number>();
  const releases = new Map<string, ConsumptionReport['releases'][number]>();
  const typeOf = new Map(input.products.map((p) => [p.code, p.userLicenseType]));
  const perPerson = new Map<string, UserLicenseType>();
  const holdings = new Map<string, readonly string[]>();
  let loginRefused = 0;
  for (const person of input.people) {
    if (!person.active) continue;
    if (person.effective.length === 0 && person.released.length > 0) loginRefused++;
    holdings.set(person.personId, person.effective);
    for (const code of person.effective) consumed.set(code, (consumed.get(code) ?? 0) + 1);
    const types = person.effective.flatMap((code) => typeOf.get(code) ?? []);
    const type = USER_LICENSE_ORDER.find((t) => types.includes(t));
    if (type) perPerson.set(person.personId, type);
    for (const r of person.released) {
      released.set(r.code, (released.get(r.code) ?? 0) + 1);
      const key = `${r.code}\n${r.rule}\n${r.inFavourOf ?? ''}`;
      const entry = releases.get(key) ?? { ...r, people: 0, why: RELEASE_RULES[r.rule] };
      entry.people++;
      releases.set(key, entry);
    }
  }
  const used: Record<UserLicenseType, number> = { USER: 0, LIGHT: 0, MEMBER: 0 };
  for (const type of perPerson.values()) used[type]++;

  const products = [...input.products]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((p): ProductConsumption => {
      const n = consumed.get(p.code) ?? 0;
      const { code, name, kind, userLicenseType, quantity } = p;
      return {
        code,
        name,
        kind,
        userLicenseType,
        quantity,
        consumed: n,
        released: released.get(code) ?? 0,
        overQuantity: quantity !== null && n > quantity,
      };
    });
  return {
    products,
    environments: byEnvironment(input, holdings),
    releases: [...releases.values()].sort((a, b) => b.people - a.people || (a.code < b.code ? -1 : 1)),
    loginRefused,
    userLicenses: { used, perPerson },
  };
}

function byEnvironment(input: ConsumptionInput, holdings: Map<string, readonly string[]>) {
  const counts = new Map<string, Map<string, number>>();
  for (const { personId, environmentId } of input.environmentAccounts) {
    const held = holdings.get(personId);
    if (!held) continue;
    const perProduct = counts.get(environmentId) ?? new Map<string, number>();
    for (const code of held) perProduct.set(code, (perProduct.get(code) ?? 0) + 1);
    counts.set(environmentId, perProduct);
  }
  return [...input.environments]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((e) => ({
      ...e,
      products: [...(counts.get(e.id) ?? [])]
        .map(([code, consumed]) => ({ code, consumed }))
        .sort((a, b) => (a.code < b.code ? -1 : 1)),
    }));
}
