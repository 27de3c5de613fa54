// The input and output shapes of user-license counting (MISSION D2), and the order of license types.

/** USER (full), LIGHT (limited) and MEMBER (read-only and guests, free of charge). */
export type UserLicenseType = 'USER' | 'LIGHT' | 'MEMBER';

/** Highest first: a person holding several types consumes the first one of this list they hold. */
export const USER_LICENSE_ORDER: readonly UserLicenseType[] = ['USER', 'LIGHT', 'MEMBER'];

/** The types that are paid for, and so are compared with what was purchased. */
export const PAID_USER_LICENSE_TYPES = ['USER', 'LIGHT'] as const;

export type EnvironmentKind = 'PRODUCTION' | 'TEST' | 'TRAINING' | 'STORAGE';

/** The sentence the Users tab shows next to an overage (seed 000). */
export const OVERAGE_MESSAGE = 'contact your account manager for a license adjustment';

export interface UserLicenseInput {
  people: readonly { id: string; username: string; status: 'ACTIVE' | 'INACTIVE' }[];
  environments: readonly { id: string; kind: EnvironmentKind }[];
  /** Permission groups of every environment, each mapped to the user-license type it implies. */
  permissionGroups: readonly { id: string; environmentId: string; userLicenseType: UserLicenseType }[];
  /** A person's account in one environment and the permission groups it belongs to there. */
  accounts: readonly { personId: string; environmentId: string; permissionGroupIds: readonly string[] }[];
  /** MEMBER may be listed for information; it is never compared. */
  purchased: { USER: number; LIGHT: number; MEMBER?: number };
}

/** The one user license a person consumes, and every environment where they hold a typed account. */
export interface PersonUserLicense {
  personId: string;
  type: UserLicenseType;
  /** Environment ids, sorted; test, training and storage copies included. */
  environments: string[];
  /** True when none of those is a PRODUCTION environment: it still consumes, worth a second look. */
  nonProductionOnly: boolean;
}

export interface UserLicenseOverage {
  type: 'USER' | 'LIGHT';
  used: number;
  purchased: number;
  message: typeof OVERAGE_MESSAGE;
}

export interface UserLicenseCount {
  /** People per type; MEMBER is for information, it is free. */
  used: Record<UserLicenseType, number>;
  /** One row per active person holding any type, sorted by person id. */
  perPerson: PersonUserLicense[];
  purchased: { USER: number; LIGHT: number; MEMBER?: number };
  /** USER and LIGHT types whose use exceeds what was purchased; empty when compliant. */
  overage: UserLicenseOverage[];
}
