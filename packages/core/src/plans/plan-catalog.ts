// The plan catalog (STANDARD, PROFESSIONAL, ENTERPRISE) as data: what each plan includes, shown side
// by side on the License level tab and consulted by every route that serves a plan-gated feature.

export const PLANS = ['STANDARD', 'PROFESSIONAL', 'ENTERPRISE'] as const;
export type Plan = (typeof PLANS)[number];

/** Every feature a plan may or may not include, with the wording the License level tab shows. */
export const PLAN_FEATURES = {
  TEST_ENVIRONMENTS: {
    title: 'Test environments',
    description: 'Test copies attached to a production environment',
  },
  NAMED_USER_SEATS: {
    title: 'Named-user seats',
    description: 'Assign, unassign and transfer seats of named-user licenses',
  },
  TRAINING_ENVIRONMENTS: {
    title: 'Training environments',
    description: 'Training copies attached to a production environment',
  },
  INTEGRATIONS: { title: 'Integrations', description: 'Integration licenses: connectors to other systems' },
  REPORTING_EXPORT: { title: 'Report export', description: 'Export of license reports as CSV' },
  USAGE_HARVESTING: { title: 'License harvesting', description: 'Harvesting of idle floating licenses' },
  STORAGE_ENVIRONMENTS: {
    title: 'Storage instances',
    description: 'Extra database instances as storage for historical years',
  },
  AI_ADD_ONS: {
    title: 'AI add-ons',
    description: 'Organization-wide AI features that summarize and suggest actions',
  },
} as const;
export type PlanFeature = keyof typeof PLAN_FEATURES;

export interface PlanDefinition {
  plan: Plan;
  name: string;
  summary: string;
  /** In the order of PLAN_FEATURES; each plan includes everything of the plans before it. */
  features: readonly PlanFeature[];
}

const STANDARD_FEATURES: readonly PlanFeature[] = ['TEST_ENVIRONMENTS', 'NAMED_USER_SEATS'];
const PROFESSIONAL_FEATURES: readonly PlanFeature[] = [
  ...STANDARD_FEATURES,
  'TRAINING_ENVIRONMENTS',
  'INTEGRATIONS',
  'REPORTING_EXPORT',
  // Issue 7: only the Pro plan harvests idle leases; Enterprise includes everything of Pro.
  'USAGE_HARVESTING',
];
const ENTERPRISE_FEATURES: readonly PlanFeature[] = [
  ...PROFESSIONAL_FEATURES,
  'STORAGE_ENVIRONMENTS',
  'AI_ADD_ONS',
];

/** The plans in ascending order, each with what it includes. */
export const PLAN_CATALOG: readonly PlanDefinition[] = [
  {
    plan: 'STANDARD',
    name: 'Standard',
    summary: 'Production and test environments, user licenses and named-user seats.',
    features: STANDARD_FEATURES,
  },
  {
    plan: 'PROFESSIONAL',
    name: 'Professional',
    summary: 'Adds training environments, integrations, report export and license harvesting.',
    features: PROFESSIONAL_FEATURES,
  },
  {
    plan: 'ENTERPRISE',
    name: 'Enterprise',
    summary: 'Adds storage instances for historical years and AI add-ons.',
    features: ENTERPRISE_FEATURES,
  },
];

export function isPlan(value: unknown): value is Plan {
  return typeof value === 'string' && (PLANS as readonly string[]).includes(value);
}

/**
 * True when `plan` includes `feature`.
 * @example planIncludes('STANDARD', 'INTEGRATIONS') // false
 * @example planIncludes('PROFESSIONAL', 'USAGE_HARVESTING') // true
 */
export function planIncludes(plan: Plan, feature: PlanFeature): boolean {
  return definitionOf(plan).features.includes(feature);
}

/** The plans that include `feature`, in ascending order. */
export function plansIncluding(feature: PlanFeature): Plan[] {
  return PLAN_CATALOG.filter((d) => d.features.includes(feature)).map((d) => d.plan);
}

export function definitionOf(plan: Plan): PlanDefinition {
  const found = PLAN_CATALOG.find((d) => d.plan === plan);
  if (!found) throw new Error(`unknown plan ${plan}`);
  return found;
}
