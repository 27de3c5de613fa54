// Shapes of the customer-organization API as the console reads them (environments, people,
// permission groups, entitlements, the license overview and seats), written by hand from the route
// schemas in packages/server/src/routes/ (docs/customer-organizations.md).

export type EnvironmentKind = 'PRODUCTION' | 'TEST' | 'TRAINING' | 'STORAGE';
export type UserLicenseType = 'USER' | 'LIGHT' | 'MEMBER';
export type PersonStatus = 'ACTIVE' | 'DISABLED';
export type Plan = 'STANDARD' | 'PROFESSIONAL' | 'ENTERPRISE';
export type EntitlementKind = 'INTEGRATION' | 'ADD_ON' | 'DATABASE_INSTANCE' | 'USER_LICENSE';
export type TermStatus = 'ACTIVE' | 'FUTURE' | 'EXPIRED';

export interface ProductRef {
  productId: string;
  productName: string;
}

export interface Environment {
  id: string;
  organizationId: string;
  name: string;
  kind: EnvironmentKind;
  productionEnvironmentId: string | null;
  /** The production environment whose licenses apply (null for STORAGE). */
  licensedThroughId: string | null;
  products: ProductRef[];
  createdAt: string;
}

export interface Person {
  id: string;
  organizationId: string;
  username: string;
  email: string;
  name: string;
  status: PersonStatus;
  createdAt: string;
  updatedAt: string;
}

export interface PersonDetail extends Person {
  userLicenseType: UserLicenseType | null;
  environments: {
    environmentId: string;
    name: string;
    kind: string;
    groups: { id: string; name: string; userLicenseType: UserLicenseType }[];
  }[];
}

export interface PermissionGroup {
  id: string;
  organizationId: string;
  environmentId: string;
  name: string;
  userLicenseType: UserLicenseType;
  memberCount: number;
  createdAt: string;
}

export interface OrgEntitlement {
  id: string;
  organizationId: string;
  kind: EntitlementKind;
  code: string;
  name: string;
  quantity: number;
  startsAt: string;
  endsAt: string | null;
  status: TermStatus;
  createdAt: string;
}

export interface OverviewLicense {
  id: string;
  name: string | null;
  productId: string;
  productName: string;
  environmentId: string | null;
  status: string;
  startsAt: string;
  expiresAt: string | null;
  maxUsers: number | null;
  seatsAssigned: number;
}

export type OverviewTerm = Omit<OrgEntitlement, 'organizationId' | 'createdAt'>;

export interface UserTypeUse {
  type: UserLicenseType;
  purchased: number;
  used: number;
  free: boolean;
  overage: boolean;
}

export interface PlanColumn {
  plan: Plan;
  name: string;
  summary: string;
  current: boolean;
  features: { feature: string; title: string; description: string; included: boolean }[];
}

export interface LicenseOverview {
  organizationId: string;
  generatedAt: string;
  products: {
    environments: {
      environmentId: string;
      name: string;
      attachedEnvironments: { id: string; name: string; kind: EnvironmentKind }[];
      licenses: OverviewLicense[];
    }[];
    notInstalled: OverviewLicense[];
    licensedProducts: {
      environmentId: string;
      name: string;
      kind: EnvironmentKind;
      licensedThroughId: string | null;
      products: ProductRef[];
    }[];
  };
  integrations: {
    integrations: OverviewTerm[];
    addOns: OverviewTerm[];
    databaseInstances: OverviewTerm[];
    databaseInstanceUse: { purchased: number; inUse: number };
  };
  users: {
    types: UserTypeUse[];
    overage: { type: UserLicenseType; used: number; purchased: number; message: string }[];
    message: string | null;
    nonProductionOnly: number;
    environments: { environmentId: string; name: string; kind: EnvironmentKind; people: number }[];
  };
  licenseLevel: { plan: Plan; plans: PlanColumn[] };
}

export interface Utilization {
  capacity: number;
  assigned: number;
  available: number;
  /** assigned / capacity */
  ratio: number;
}

export interface SeatLicense extends Utilization {
  id: string;
  productId: string;
  productName: string;
  environmentId: string | null;
  status: string;
}

export interface Seat {
  licenseId: string;
  personId: string;
  username: string;
  name: string;
  email: string;
  assignedAt: string;
}

export interface SeatUtilization {
  licenses: (Utilization & { licenseId: string; productName: string; environmentId: string | null })[];
  environments: (Utilization & { environmentId: string | null; name: string | null; licenseCount: number })[];
  total: Utilization;
}

export interface PersonLicenses {
  person: { id: string; username: string; name: string; email: string; status: string };
  userLicenseType: UserLicenseType | null;
  seats: {
    licenseId: string;
    productId: string;
    productName: string;
    environmentId: string | null;
    status: string;
    expiresAt: string | null;
    assignedAt: string;
  }[];
  environments: { environmentId: string; name: string; kind: string; products: ProductRef[] }[];
}
