// Whether a seat holder is a subject of a rule: USER, GROUP, HOST, HOST_GROUP, DEPARTMENT or INTERNET.

import { ipMatches } from './internet-address.ts';
import type { GroupDefinitions, Subject } from './options.ts';
import type { SeatHolder } from './pool-state.ts';

/** Own members only: a group named `constructor` must not reach Object.prototype. */
const members = (defs: Record<string, string[]>, name: string): string[] =>
  Object.hasOwn(defs, name) ? defs[name]! : [];

/**
 * Matches a holder against a subject. Names are case-sensitive (FlexNet's default). GROUP matches a
 * user listed in the named group, or a holder whose declared `group` is that name; HOST_GROUP matches
 * a host listed in the named host group; INTERNET matches the IPv4 address by CIDR or wildcard.
 * @example
 * subjectMatches({ kind: 'GROUP', name: 'eng' }, { user: 'bob', host: 'h1' },
 *   { groups: { eng: ['alice', 'bob'] }, hostGroups: {} }); // true
 */
export function subjectMatches(subject: Subject, holder: SeatHolder, defs: GroupDefinitions): boolean {
  switch (subject.kind) {
    case 'USER':
      return holder.user === subject.name;
    case 'HOST':
      return holder.host === subject.name;
    case 'DEPARTMENT':
      return holder.department === subject.name;
    case 'GROUP':
      return holder.group === subject.name || members(defs.groups, subject.name).includes(holder.user);
    case 'HOST_GROUP':
      return members(defs.hostGroups, subject.name).includes(holder.host);
    case 'INTERNET':
      return holder.ip !== undefined && ipMatches(subject.name, holder.ip) === true;
  }
}

/**
 * The subject formatted as in an options file and in denial details.
 * @example describeSubject({ kind: 'USER', name: 'alice' }); // 'USER alice'
 */
export function describeSubject(subject: Subject): string {
  return `${subject.kind} ${subject.name}`;
}
