// The demo customer organization of a first start (Globex Corporation): environments, people in
// permission groups, purchased user licenses, integrations and named-user seats, so the license
// overview of a fresh install shows every tab with real figures (including a USER overage).
import type { LicenseModel, UserLicenseType } from '@licentia/core';
import {
  entitlementRepository,
  environmentRepository,
  licenseRepository,
  organizationPlanRepository,
  permissionGroupRepository,
  personRepository,
  type Schema,
  seatRepository,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import type { AppContext, AuditEntry } from '../http/context.ts';

const YEAR_MS = 365 * 86_400_000;
type Env = 'prod' | 'nordics' | 'test' | 'training';

const ENVIRONMENTS: [Env, string, 'PRODUCTION' | 'TEST' | 'TRAINING', Env | null][] = [
  ['prod', 'Globex Production', 'PRODUCTION', null],
  ['nordics', 'Globex Nordics', 'PRODUCTION', null],
  ['test', 'Production test', 'TEST', 'prod'],
  ['training', 'Training', 'TRAINING', 'prod'],
];
const GROUPS: [string, Env, string, UserLicenseType][] = [
  ['admins', 'prod', 'Administrators', 'USER'],
  ['editors', 'prod', 'Editors', 'USER'],
  ['contributors', 'prod', 'Contributors', 'LIGHT'],
  ['readers', 'prod', 'Readers', 'MEMBER'],
  ['testers', 'test', 'Testers', 'USER'],
  ['trainees', 'training', 'Trainees', 'LIGHT'],
  ['nordicEditors', 'nordics', 'Nordic editors', 'USER'],
  ['nordicViewers', 'nordics', 'Nordic viewers', 'MEMBER'],
];
// username, name, groups. Ann is USER in production and LIGHT in training: she counts once, as USER.
const PEOPLE: [string, string, string[]][] = [
  ['ann.lee', 'Ann Lee', ['admins', 'trainees']],
  ['bo.svensson', 'Bo Svensson', ['editors', 'nordicEditors']],
  ['carla.diaz', 'Carla Diaz', ['editors']],
  ['dev.patel', 'Dev Patel', ['editors', 'testers']],
  ['erik.holm', 'Erik Holm', ['nordicEditors']],
  ['fatima.khan', 'Fatima Khan', ['contributors']],
  ['george.brown', 'George Brown', ['contributors', 'testers']],
  ['hana.sato', 'Hana Sato', ['contributors']],
  ['ivan.petrov', 'Ivan Petrov', ['testers']],
  ['julia.berg', 'Julia Berg', ['trainees']],
  ['kofi.mensah', 'Kofi Mensah', ['trainees']],
  ['lena.nilsen', 'Lena Nilsen', ['nordicViewers']],
  ['marc.dupont', 'Marc Dupont', ['readers']],
  ['nina.rossi', 'Nina Rossi', ['readers', 'nordicViewers']],
];
const SEAT_HOLDERS = ['ann.lee', 'bo.svensson', 'carla.diaz', 'dev.patel', 'ivan.petrov'];

/** Fill the demo organization inside the bootstrap transaction (first start only). */
export async function seedDemoCustomerOrg(
  ctx: AppContext,
  trx: Kysely<Schema>,
  audit: (entry: AuditEntry) => Promise<void>,
  accountId: string,
  organizationId: string,
  licenses: Record<LicenseModel, string>,
): Promise<void> {
  const now = ctx.clock();
  const event = (action: string, targetType: string, targetId: string, changes: object) =>
    audit({ chainId: accountId, action, targetType, targetId, changes: { ...changes, demo: true } });

  await organizationPlanRepository.set(trx, accountId, organizationId, 'PROFESSIONAL');
  await event('organization.plan_changed', 'organization', organizationId, { plan: 'PROFESSIONAL' });

  const env = {} as Record<Env, string>;
  for (const [key, name, kind, parent] of ENVIRONMENTS) {
    const row = await environmentRepository.insert(trx, accountId, {
      id: ctx.newId('environment'),
      organizationId,
      name,
      kind,
      productionEnvironmentId: parent ? env[parent] : null,
    });
    env[key] = row.id;
    await event('environment.created', 'environment', row.id, { name, kind });
  }
  const installs: [LicenseModel, Env][] = [
    ['SUBSCRIPTION', 'prod'],
    ['PERPETUAL', 'prod'],
    ['FLOATING', 'prod'],
    ['SITE', 'nordics'],
  ];
  for (const [model, where] of installs) {
    await environmentRepository.installLicense(trx, accountId, licenses[model], env[where], now);
    await event('license.environment_changed', 'license', licenses[model], { environmentId: env[where] });
  }

  const groups: Record<string, { id: string; organizationId: string; environmentId: string }> = {};
  for (const [key, where, name, userLicenseType] of GROUPS) {
    const row = {
      id: ctx.newId('permissionGroup'),
      organizationId,
      environmentId: env[where],
      name,
      userLicenseType,
    };
    groups[key] = await permissionGroupRepository.insert(trx, accountId, row);
    await event('permission_group.created', 'permission_group', row.id, { name, userLicenseType });
  }
  const people: Record<string, string> = {};
  for (const [username, name, memberOf] of PEOPLE) {
    const email = `${username}@globex.example`;
    const person = await personRepository.insert(
      trx,
      accountId,
      { id: ctx.newId('person'), organizationId, username, email, name, status: 'ACTIVE' },
      now,
    );
    people[username] = person.id;
    for (const key of memberOf)
      await permissionGroupRepository.addMember(trx, accountId, groups[key]!, person.id);
    await event('person.created', 'person', person.id, { username, groups: memberOf });
  }

  const entitlements = [
    { kind: 'USER_LICENSE', code: 'USER', name: 'User licenses', quantity: 6 },
    { kind: 'USER_LICENSE', code: 'LIGHT', name: 'Light licenses', quantity: 10 },
    { kind: 'INTEGRATION', code: 'sap-connector', name: 'SAP ERP connector', quantity: 1 },
    { kind: 'INTEGRATION', code: 'teams-connector', name: 'Microsoft Teams connector', quantity: 1 },
    { kind: 'DATABASE_INSTANCE', code: 'extra-instance', name: 'Extra database instances', quantity: 2 },
  ] as const;
  for (const e of entitlements) {
    const row = await entitlementRepository.insert(trx, accountId, {
      id: ctx.newId('entitlement'),
      organizationId,
      ...e,
      startsAt: now,
      endsAt: new Date(now.getTime() + YEAR_MS),
    });
    await event('entitlement.created', 'entitlement', row.id, e);
  }

  // The subscription is a named-user license of 10 seats: five are assigned.
  const subscription = licenses.SUBSCRIPTION;
  await licenseRepository.update(trx, accountId, subscription, { overrides: { maxUsers: 10 } }, now);
  await event('license.amended', 'license', subscription, { overrides: { maxUsers: 10 } });
  for (const username of SEAT_HOLDERS) {
    await seatRepository.assign(
      trx,
      accountId,
      { organizationId, licenseId: subscription, personId: people[username]! },
      now,
    );
    await event('seat.assigned', 'license', subscription, { personId: people[username] });
  }
}
