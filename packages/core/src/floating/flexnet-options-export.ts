// Writes parsed options back as a FlexNet options file; parsing the output gives the same options.

import type { OptionsFile } from './flexnet-options-file.ts';
import type { Subject } from './options.ts';

/** Names with spaces (or empty) are quoted, as FlexNet accepts. */
const name = (value: string) => (/^[^\s"#]+$/.test(value) ? value : `"${value}"`);
const subject = (s: Subject) => `${s.kind} ${name(s.name)}`;
const MEMBERS_PER_LINE = 8;

/** A GROUP or HOST_GROUP line, continued with `\` every few members so long groups stay readable. */
function groupLine(keyword: string, group: string, members: readonly string[]): string {
  const chunks: string[] = [];
  for (let i = 0; i < members.length; i += MEMBERS_PER_LINE) {
    chunks.push(
      members
        .slice(i, i + MEMBERS_PER_LINE)
        .map(name)
        .join(' '),
    );
  }
  return `${keyword} ${name(group)} ${chunks.join(' \\\n    ')}`;
}

/**
 * Exports options as a FlexNet options file: groups first, then each feature's RESERVE, MAX, INCLUDE,
 * EXCLUDE, TIMEOUT, LINGER, BORROW_LOWWATER and MAX_BORROW_HOURS lines. Invariant (tested):
 * `parseOptionsFile(exportOptionsFile(parseOptionsFile(x).options)).options` deep-equals
 * `parseOptionsFile(x).options`. Groups without members cannot be written and are left out.
 * @example exportOptionsFile({ groups: { eng: ['alice'] }, hostGroups: {}, features: {} }); // 'GROUP eng alice\n'
 */
export function exportOptionsFile(file: OptionsFile): string {
  const lines: string[] = [];
  for (const [group, members] of Object.entries(file.groups)) {
    if (members.length > 0) lines.push(groupLine('GROUP', group, members));
  }
  for (const [group, hosts] of Object.entries(file.hostGroups)) {
    if (hosts.length > 0) lines.push(groupLine('HOST_GROUP', group, hosts));
  }
  for (const [feature, rules] of Object.entries(file.features)) {
    const f = name(feature);
    for (const r of rules.reserve) lines.push(`RESERVE ${r.count} ${f} ${subject(r.subject)}`);
    for (const r of rules.max) lines.push(`MAX ${r.count} ${f} ${subject(r.subject)}`);
    for (const s of rules.include) lines.push(`INCLUDE ${f} ${subject(s)}`);
    for (const s of rules.exclude) lines.push(`EXCLUDE ${f} ${subject(s)}`);
    if (rules.timeoutSeconds !== undefined) lines.push(`TIMEOUT ${f} ${rules.timeoutSeconds}`);
    if (rules.lingerSeconds !== undefined) lines.push(`LINGER ${f} ${rules.lingerSeconds}`);
    if (rules.borrowLowwater !== undefined) lines.push(`BORROW_LOWWATER ${f} ${rules.borrowLowwater}`);
    if (rules.maxBorrowHours !== undefined) lines.push(`MAX_BORROW_HOURS ${f} ${rules.maxBorrowHours}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
