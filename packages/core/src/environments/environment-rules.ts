// The rules of an organization's environments (seed 000): PRODUCTION and STORAGE stand alone; TEST and
// TRAINING copies attach to a PRODUCTION environment and borrow its product licenses. Pure checks,
// used by the environment routes before anything is written.
import { fieldErrors, isNonBlank, type Validated } from '../catalog/field-errors.ts';
import type { PlanFeature } from '../plans/plan-catalog.ts';
import type { EnvironmentKind } from '../user-licenses/user-license-types.ts';

export const ENVIRONMENT_KINDS: readonly EnvironmentKind[] = ['PRODUCTION', 'TEST', 'TRAINING', 'STORAGE'];

/** An environment as the rules see it. */
export interface EnvironmentRef {
  id: string;
  name: string;
  kind: EnvironmentKind;
  productionEnvironmentId: string | null;
}

export interface EnvironmentInput {
  name: string;
  kind: EnvironmentKind;
  productionEnvironmentId?: string | null | undefined;
}

export interface ValidEnvironmentInput {
  name: string;
  kind: EnvironmentKind;
  productionEnvironmentId: string | null;
}

/** True for the kinds that must attach to a production environment and borrow its licenses. */
export function borrowsLicenses(kind: EnvironmentKind): boolean {
  return kind === 'TEST' || kind === 'TRAINING';
}

/**
 * Check a new (or changed) environment against the organization's others; every error is returned.
 * @example
 * validateEnvironmentInput({ name: 'Test', kind: 'TEST' }, [])
 * // → { ok: false, errors: [{ field: 'productionEnvironmentId', reason: 'REQUIRED', … }] }
 */
export function validateEnvironmentInput(
  input: EnvironmentInput,
  others: readonly EnvironmentRef[],
): Validated<ValidEnvironmentInput> {
  const errors = fieldErrors();
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const parentId = input.productionEnvironmentId ?? null;
  if (!isNonBlank(name, 100)) errors.add('name', 'REQUIRED', 'name must be 1–100 characters');
  if (!ENVIRONMENT_KINDS.includes(input.kind)) {
    errors.add('kind', 'NOT_ALLOWED', `kind must be one of ${ENVIRONMENT_KINDS.join(', ')}`);
  } else if (borrowsLicenses(input.kind)) {
    const parent = parentId ? others.find((e) => e.id === parentId) : undefined;
    if (!parentId) {
      errors.add(
        'productionEnvironmentId',
        'REQUIRED',
        `a ${input.kind} environment must attach to a production environment`,
      );
    } else if (!parent) {
      errors.add('productionEnvironmentId', 'NOT_ALLOWED', `no environment ${parentId} in this organization`);
    } else if (parent.kind !== 'PRODUCTION') {
      errors.add(
        'productionEnvironmentId',
        'INCONSISTENT',
        `${parent.name} is a ${parent.kind} environment; attach to a PRODUCTION environment`,
      );
    }
  } else if (parentId) {
    errors.add(
      'productionEnvironmentId',
      'INCONSISTENT',
      `a ${input.kind} environment stands alone: it has no production environment`,
    );
  }
  return errors.result(() => ({ name, kind: input.kind, productionEnvironmentId: parentId }));
}

/** The other environment whose name equals `name` case-insensitively (names are unique per organization). */
export function sameNamedEnvironment(
  name: string,
  others: readonly EnvironmentRef[],
  selfId?: string,
): EnvironmentRef | undefined {
  const wanted = name.trim().toLowerCase();
  return others.find((e) => e.id !== selfId && e.name.toLowerCase() === wanted);
}

/** The plan feature an environment kind needs; PRODUCTION is in every plan. */
export function planFeatureOfEnvironment(kind: EnvironmentKind): PlanFeature | null {
  if (kind === 'TEST') return 'TEST_ENVIRONMENTS';
  if (kind === 'TRAINING') return 'TRAINING_ENVIRONMENTS';
  if (kind === 'STORAGE') return 'STORAGE_ENVIRONMENTS';
  return null;
}

/**
 * Why an environment cannot be deleted now, or null: a production environment keeps its attached
 * copies and its installed product licenses (only the vendor moves licenses).
 */
export function deletionBlocker(
  environment: EnvironmentRef,
  all: readonly EnvironmentRef[],
  installedLicenseCount: number,
): string | null {
  const attached = all.filter((e) => e.productionEnvironmentId === environment.id);
  if (attached.length > 0) {
    const names = attached.map((e) => e.name).join(', ');
    return `${environment.name} has attached environments (${names}): delete or re-attach them first`;
  }
  if (installedLicenseCount > 0) {
    return `${installedLicenseCount} product license(s) are installed in ${environment.name}: the vendor must move them first`;
  }
  return null;
}

/** Why a product license cannot be installed in `environment`, or null. */
export function installBlocker(environment: EnvironmentRef): string | null {
  if (environment.kind === 'PRODUCTION') return null;
  return borrowsLicenses(environment.kind)
    ? `${environment.name} is a ${environment.kind} environment: it borrows the licenses of its production environment`
    : `${environment.name} is a ${environment.kind} environment: product licenses are installed in PRODUCTION environments`;
}
