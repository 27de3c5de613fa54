// Reads the subset of a FlexNet options file that Licentia enforces, reporting every other line by number.

import { isInternetPattern } from './internet-address.ts';
import type { Subject, SubjectKind } from './options.ts';
import {
  emptyFeatureRules,
  type FeatureOptions,
  type FeatureRules,
  type GroupDefinitions,
  SUBJECT_KINDS,
} from './options.ts';

/** The parsed options: group definitions and per-feature rules, in file order. */
export interface OptionsFile extends GroupDefinitions {
  features: Record<string, FeatureRules>;
}

/** A line the parser did not apply; `line` is the first physical line of a continued line. */
export interface UnsupportedLine {
  line: number;
  text: string;
  reason: string;
}

const NUMERIC = {
  TIMEOUT: 'timeoutSeconds',
  LINGER: 'lingerSeconds',
  BORROW_LOWWATER: 'borrowLowwater',
  MAX_BORROW_HOURS: 'maxBorrowHours',
} as const;

/** Joins `\` continuations and drops comments and blank lines, keeping first line numbers. */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let pending: { line: number; text: string } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const continued = /\\\s*$/.test(raw);
    const body = raw.replace(/\\\s*$/, ' ');
    pending = pending ? { line: pending.line, text: `${pending.text} ${body}` } : { line: i + 1, text: body };
    if (continued) return;
    if (pending.text.trim() !== '' && !pending.text.trim().startsWith('#')) out.push(pending);
    pending = undefined;
  });
  if (pending && pending.text.trim() !== '') out.push(pending);
  return out;
}

const tokens = (text: string) => [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
const count = (token: string | undefined) =>
  token !== undefined && /^\d+$/.test(token) ? Number(token) : undefined;

/** Reads `TYPE name` into a subject, or explains why not. */
function subject(kind: string | undefined, name: string | undefined): Subject | string {
  const k = kind?.toUpperCase();
  if (!k || name === undefined) return 'expected a subject type and name';
  if (!(SUBJECT_KINDS as readonly string[]).includes(k)) return `subject type ${k} is not supported`;
  if (k === 'INTERNET' && !isInternetPattern(name)) return `invalid INTERNET pattern ${name}`;
  return { kind: k as SubjectKind, name };
}

/**
 * Parses an options file. Supported: GROUP, HOST_GROUP (repeated lines add members), RESERVE, MAX,
 * INCLUDE, EXCLUDE (subjects USER, GROUP, HOST, HOST_GROUP, INTERNET and the DEPARTMENT extension),
 * TIMEOUT, LINGER, BORROW_LOWWATER, MAX_BORROW_HOURS; `#` comments; `\` continuations; quoted names.
 * Anything else (feature qualifiers like `f1:VERSION=2`, DISPLAY, PROJECT, *ALL keywords …) is listed
 * in `unsupported` and not applied. Keywords are case-insensitive, names case-sensitive.
 * @example parseOptionsFile('RESERVE 2 cad USER alice').options.features.cad?.reserve; // [{ count: 2, subject: … }]
 */
export function parseOptionsFile(text: string): { options: OptionsFile; unsupported: UnsupportedLine[] } {
  const options: OptionsFile = { groups: {}, hostGroups: {}, features: {} };
  const unsupported: UnsupportedLine[] = [];
  const rules = (feature: string) => {
    if (!Object.hasOwn(options.features, feature)) options.features[feature] = emptyFeatureRules();
    return options.features[feature]!;
  };
  for (const { line, text: body } of logicalLines(text)) {
    const [word, ...args] = tokens(body);
    // `__proto__` as a group or feature name would set a prototype instead of a key.
    const reason = args.includes('__proto__')
      ? 'the name __proto__ is reserved'
      : apply(word!.toUpperCase(), args);
    if (reason) unsupported.push({ line, text: body.trim().replace(/\s+/g, ' '), reason });
  }
  return { options, unsupported };

  // Applies one line; returns why it was not applied.
  function apply(keyword: string, args: string[]): string | undefined {
    if (keyword === 'GROUP' || keyword === 'HOST_GROUP') {
      const [name, ...members] = args;
      if (!name || members.length === 0) return `${keyword} needs a name and members`;
      const defs = keyword === 'GROUP' ? options.groups : options.hostGroups;
      defs[name] = [...(Object.hasOwn(defs, name) ? defs[name]! : []), ...members];
      return undefined;
    }
    const counted = keyword === 'RESERVE' || keyword === 'MAX';
    if (counted || keyword === 'INCLUDE' || keyword === 'EXCLUDE') {
      const n = counted ? count(args[0]) : 0;
      const [feature, kind, name, ...extra] = counted ? args.slice(1) : args;
      if (n === undefined) return `${keyword} needs a seat count`;
      if (!feature || feature.includes(':'))
        return 'feature qualifiers (feature:keyword=value) are not supported';
      if (extra.length > 0) return 'unexpected text after the subject';
      const s = subject(kind, name);
      if (typeof s === 'string') return s;
      const r = rules(feature);
      if (counted) (keyword === 'RESERVE' ? r.reserve : r.max).push({ count: n, subject: s });
      else (keyword === 'INCLUDE' ? r.include : r.exclude).push(s);
      return undefined;
    }
    if (keyword in NUMERIC) {
      const [feature, value, ...extra] = args;
      const n = count(value);
      if (!feature || n === undefined || extra.length > 0)
        return `${keyword} needs a feature and a whole number`;
      if (feature.includes(':')) return 'feature qualifiers (feature:keyword=value) are not supported';
      rules(feature)[NUMERIC[keyword as keyof typeof NUMERIC]] = n;
      return undefined;
    }
    return `${keyword} is not supported`;
  }
}

/**
 * One feature's options from a parsed file (no rules when the file does not name the feature).
 * @example optionsForFeature(parsed.options, 'cad').groups.engineers; // ['alice', 'bob', 'carol']
 */
export function optionsForFeature(file: OptionsFile, feature: string): FeatureOptions {
  const rules = Object.hasOwn(file.features, feature) ? file.features[feature]! : emptyFeatureRules();
  return {
    ...rules,
    groups: file.groups,
    hostGroups: file.hostGroups,
  };
}
