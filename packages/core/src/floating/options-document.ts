// A license's floating options as one stored document: FlexNet rules per feature plus Licentia's pool settings.

import type { OptionsFile, UnsupportedLine } from './flexnet-options-file.ts';
import { optionsForFeature, parseOptionsFile } from './flexnet-options-file.ts';
import {
  emptyFeatureRules,
  type FeatureOptions,
  type FeatureRules,
  type GroupDefinitions,
} from './options.ts';
import type { PoolConfig } from './pool-state.ts';

/** Per-feature pool settings that a FlexNet options file cannot express. */
export interface PoolSettings {
  /** Seats of this feature's pool; capped at the license's seats (an option never adds seats). */
  seats?: number;
  heartbeatIntervalSeconds?: number;
  heartbeatTolerance?: number;
  holdSeconds?: number;
  queueTimeoutSeconds?: number;
}

export const POOL_SETTING_KEYS = [
  'seats',
  'heartbeatIntervalSeconds',
  'heartbeatTolerance',
  'holdSeconds',
  'queueTimeoutSeconds',
] as const;

export interface FeatureSettings extends FeatureRules, PoolSettings {}

/** What `GET/PUT …/floating/options` carry and `floating_options.options` stores. */
export interface FloatingOptionsDocument extends GroupDefinitions {
  features: Record<string, FeatureSettings>;
}

/** Defaults when neither the policy nor the options say otherwise. */
export const POOL_DEFAULTS = {
  heartbeatIntervalSeconds: 60,
  heartbeatTolerance: 2,
  holdSeconds: 30,
  queueTimeoutSeconds: 60,
} as const;

/** What the license contributes: its seats, the policy's heartbeat interval and borrow limit. */
export interface FloatingTerms {
  seats: number;
  heartbeatIntervalSeconds: number | null;
  /** null: the policy does not allow borrowing. */
  maxBorrowHours: number | null;
}

/**
 * An empty document.
 * @example emptyOptionsDocument().features; // {}
 */
export function emptyOptionsDocument(): FloatingOptionsDocument {
  return { groups: {}, hostGroups: {}, features: {} };
}

const settingsOf = (doc: FloatingOptionsDocument, feature: string): FeatureSettings | undefined =>
  Object.hasOwn(doc.features, feature) ? doc.features[feature] : undefined;

/**
 * The pool configuration of `feature`: seats = the license's seats, or fewer when the feature's
 * `seats` option says so; heartbeat interval = option, else policy, else 60 s; tolerance 2, hold 30 s
 * and queue timeout 60 s unless set.
 * @example poolConfigOf({ seats: 10, heartbeatIntervalSeconds: null, maxBorrowHours: null }, doc, 'cad').seats; // 10
 */
export function poolConfigOf(
  terms: FloatingTerms,
  doc: FloatingOptionsDocument,
  feature: string,
): PoolConfig {
  const s: PoolSettings = settingsOf(doc, feature) ?? {};
  return {
    feature,
    seats: Math.min(terms.seats, s.seats ?? terms.seats),
    heartbeatIntervalSeconds:
      s.heartbeatIntervalSeconds ?? terms.heartbeatIntervalSeconds ?? POOL_DEFAULTS.heartbeatIntervalSeconds,
    heartbeatTolerance: s.heartbeatTolerance ?? POOL_DEFAULTS.heartbeatTolerance,
    holdSeconds: s.holdSeconds ?? POOL_DEFAULTS.holdSeconds,
    queueTimeoutSeconds: s.queueTimeoutSeconds ?? POOL_DEFAULTS.queueTimeoutSeconds,
  };
}

/**
 * The rules of `feature` as the floating operations take them. The borrow limit is the stricter of the
 * policy's and the option's MAX_BORROW_HOURS.
 * @example featureOptionsOf(terms, doc, 'cad').exclude; // [{ kind: 'USER', name: 'eve' }]
 */
export function featureOptionsOf(
  terms: FloatingTerms,
  doc: FloatingOptionsDocument,
  feature: string,
): FeatureOptions {
  const options = optionsForFeature(doc, feature);
  const limits = [terms.maxBorrowHours, options.maxBorrowHours].filter((h): h is number => h != null);
  return limits.length === 0 ? options : { ...options, maxBorrowHours: Math.min(...limits) };
}

/** The FlexNet part of a document (pool settings left out), ready for `exportOptionsFile`. */
export function optionsFileOf(doc: FloatingOptionsDocument): OptionsFile {
  const features: Record<string, FeatureRules> = {};
  for (const [feature, settings] of Object.entries(doc.features)) {
    const { seats: _s, heartbeatIntervalSeconds: _h, heartbeatTolerance: _t, ...rules } = settings;
    const { holdSeconds: _hs, queueTimeoutSeconds: _q, ...flexnet } = rules;
    features[feature] = flexnet;
  }
  return { groups: doc.groups, hostGroups: doc.hostGroups, features };
}

/**
 * Imports a FlexNet options file into a document: the file's groups and rules replace the document's,
 * and each feature keeps its pool settings (which the file cannot express). Unsupported lines are
 * listed, not applied.
 * @example importOptionsFile(emptyOptionsDocument(), 'MAX 2 cad USER bob').options.features.cad?.max;
 */
export function importOptionsFile(
  doc: FloatingOptionsDocument,
  text: string,
): { options: FloatingOptionsDocument; unsupported: UnsupportedLine[] } {
  const parsed = parseOptionsFile(text);
  const features: Record<string, FeatureSettings> = {};
  for (const [feature, settings] of Object.entries(doc.features)) {
    const kept: FeatureSettings = emptyFeatureRules();
    for (const key of POOL_SETTING_KEYS) if (settings[key] !== undefined) kept[key] = settings[key];
    if (POOL_SETTING_KEYS.some((key) => kept[key] !== undefined)) features[feature] = kept;
  }
  for (const [feature, rules] of Object.entries(parsed.options.features)) {
    features[feature] = { ...(Object.hasOwn(features, feature) ? features[feature] : {}), ...rules };
  }
  const options = { groups: parsed.options.groups, hostGroups: parsed.options.hostGroups, features };
  return { options, unsupported: parsed.unsupported };
}
