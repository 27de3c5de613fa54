// The floating options document as JSON: per-license groups and host groups, and per feature the
// FlexNet rules (RESERVE, MAX, INCLUDE, EXCLUDE, TIMEOUT, LINGER, BORROW_LOWWATER, MAX_BORROW_HOURS)
// plus Licentia's pool settings (seats, heartbeat interval and tolerance, hold and queue timeouts).
import {
  AppError,
  type FeatureSettings,
  type FloatingOptionsDocument,
  isInternetPattern,
  POOL_SETTING_KEYS,
  type Subject,
} from '@licentia/core';
import { type Static, Type } from 'typebox';

const Name = Type.String({ minLength: 1, maxLength: 256 });
const Seconds = (maximum: number) => Type.Integer({ minimum: 1, maximum });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });

const SubjectKind = Type.Union([
  Type.Literal('USER'),
  Type.Literal('GROUP'),
  Type.Literal('HOST'),
  Type.Literal('HOST_GROUP'),
  Type.Literal('DEPARTMENT'),
  Type.Literal('INTERNET'),
]);
const SubjectSchema = Type.Object({ kind: SubjectKind, name: Name }, { additionalProperties: false });
const CountedRule = Type.Object({ count: Count, subject: SubjectSchema }, { additionalProperties: false });
const Subjects = Type.Array(SubjectSchema, { maxItems: 1000 });
const CountedRules = Type.Array(CountedRule, { maxItems: 1000 });

const FeatureSettingsSchema = Type.Object(
  {
    reserve: Type.Optional(CountedRules),
    max: Type.Optional(CountedRules),
    include: Type.Optional(Subjects),
    exclude: Type.Optional(Subjects),
    timeoutSeconds: Type.Optional(Seconds(31_536_000)),
    lingerSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    borrowLowwater: Type.Optional(Count),
    maxBorrowHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 8_760 })),
    seats: Type.Optional(Count),
    heartbeatIntervalSeconds: Type.Optional(Seconds(7 * 86_400)),
    heartbeatTolerance: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    holdSeconds: Type.Optional(Seconds(3_600)),
    queueTimeoutSeconds: Type.Optional(Seconds(86_400)),
  },
  { additionalProperties: false },
);

const Members = Type.Record(Name, Type.Array(Name, { maxItems: 10_000 }), { maxProperties: 1000 });

export const OptionsInput = Type.Object(
  {
    groups: Type.Optional(Members),
    hostGroups: Type.Optional(Members),
    features: Type.Optional(Type.Record(Name, FeatureSettingsSchema, { maxProperties: 1000 })),
  },
  { additionalProperties: false },
);

export const OptionsDocument = Type.Object({
  groups: Type.Record(Type.String(), Type.Array(Type.String())),
  hostGroups: Type.Record(Type.String(), Type.Array(Type.String())),
  features: Type.Record(Type.String(), FeatureSettingsSchema),
});

const reserved = (name: string, field: string) => {
  if (name === '__proto__')
    throw new AppError('INVALID_FIELD', `${field}: the name __proto__ is reserved`, { field });
};

function checkSubject(s: Subject, field: string): void {
  reserved(s.name, field);
  if (s.kind === 'INTERNET' && !isInternetPattern(s.name)) {
    throw new AppError('INVALID_FIELD', `${field}: ${s.name} is not an IPv4 address, wildcard or CIDR`, {
      field,
    });
  }
}

/** A complete document from validated input (absent lists become empty), or INVALID_FIELD. */
export function normalizeOptions(input: Static<typeof OptionsInput>): FloatingOptionsDocument {
  const doc: FloatingOptionsDocument = { groups: {}, hostGroups: {}, features: {} };
  for (const [kind, defs] of [
    ['groups', input.groups],
    ['hostGroups', input.hostGroups],
  ] as const) {
    for (const [name, members] of Object.entries(defs ?? {})) {
      reserved(name, `body.${kind}`);
      Object.defineProperty(doc[kind], name, { value: [...members], enumerable: true, writable: true });
    }
  }
  for (const [feature, s] of Object.entries(input.features ?? {})) {
    reserved(feature, 'body.features');
    const field = `body.features.${feature}`;
    const settings: FeatureSettings = {
      reserve: s.reserve ?? [],
      max: s.max ?? [],
      include: s.include ?? [],
      exclude: s.exclude ?? [],
    };
    for (const r of [...settings.reserve, ...settings.max]) checkSubject(r.subject, field);
    for (const subject of [...settings.include, ...settings.exclude]) checkSubject(subject, field);
    for (const key of [
      'timeoutSeconds',
      'lingerSeconds',
      'borrowLowwater',
      'maxBorrowHours',
      ...POOL_SETTING_KEYS,
    ] as const) {
      if (s[key] !== undefined) settings[key] = s[key];
    }
    Object.defineProperty(doc.features, feature, { value: settings, enumerable: true, writable: true });
  }
  return doc;
}
