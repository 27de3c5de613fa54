// FlexNet options for one feature, as data: subjects, RESERVE, MAX, INCLUDE, EXCLUDE and timing rules.

/** The subject kinds of RESERVE, MAX, INCLUDE and EXCLUDE. DEPARTMENT is a Licentia extension. */
export const SUBJECT_KINDS = ['USER', 'GROUP', 'HOST', 'HOST_GROUP', 'DEPARTMENT', 'INTERNET'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A rule's target: `{ kind: 'GROUP', name: 'engineers' }`, `{ kind: 'INTERNET', name: '10.0.0.0/8' }`. */
export interface Subject {
  kind: SubjectKind;
  name: string;
}

/** RESERVE n or MAX n for a subject. */
export interface CountedRule {
  count: number;
  subject: Subject;
}

/** The per-feature rules of an options file (no group definitions). */
export interface FeatureRules {
  reserve: CountedRule[];
  max: CountedRule[];
  /** When non-empty, only these subjects may use unreserved seats. */
  include: Subject[];
  exclude: Subject[];
  /** Idle timeout: a lease whose client reports no activity for this long is reclaimed (TIMEOUT). */
  timeoutSeconds?: number;
  /** Seat held this long after a NORMAL or EXIT check-in. */
  lingerSeconds?: number;
  /** Seats that can never be borrowed. */
  borrowLowwater?: number;
  /** Longest borrow; {@link DEFAULT_MAX_BORROW_HOURS} when absent. */
  maxBorrowHours?: number;
}

/** Named groups of users (GROUP) and hosts (HOST_GROUP); case-sensitive like FlexNet's default. */
export interface GroupDefinitions {
  groups: Record<string, string[]>;
  hostGroups: Record<string, string[]>;
}

/** What the floating operations take: one feature's rules plus the groups they refer to. */
export interface FeatureOptions extends FeatureRules, GroupDefinitions {}

/** FlexNet's default borrow limit: one week. */
export const DEFAULT_MAX_BORROW_HOURS = 168;

/**
 * Rules that restrict nothing.
 * @example emptyFeatureRules().include; // []
 */
export function emptyFeatureRules(): FeatureRules {
  return { reserve: [], max: [], include: [], exclude: [] };
}

/**
 * Options that restrict nothing, optionally patched.
 * @example featureOptions({ reserve: [{ count: 2, subject: { kind: 'USER', name: 'alice' } }] });
 */
export function featureOptions(patch: Partial<FeatureOptions> = {}): FeatureOptions {
  return { ...emptyFeatureRules(), groups: {}, hostGroups: {}, ...patch };
}
