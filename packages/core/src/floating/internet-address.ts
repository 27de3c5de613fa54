// IPv4 matching for INTERNET subjects: exact address, CIDR (10.0.0.0/8) or FlexNet wildcards (10.0.*.*).

/** Parses a dotted quad into an unsigned 32-bit number, or undefined. */
function toNumber(ip: string): number | undefined {
  const parts = ip.trim().split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/**
 * True when `pattern` is a valid INTERNET pattern (so a parser can refuse typos).
 * @example isInternetPattern('192.168.0.0/16'); // true
 */
export function isInternetPattern(pattern: string): boolean {
  return ipMatches(pattern, '0.0.0.0') !== undefined;
}

/**
 * Whether `ip` is matched by `pattern`; undefined when the pattern is malformed. A malformed client
 * address never matches (so it can pass no INCLUDE and hit no EXCLUDE on INTERNET).
 * @example
 * ipMatches('10.0.*.*', '10.0.3.7'); // true
 * ipMatches('10.1.0.0/16', '10.2.0.1'); // false
 */
export function ipMatches(pattern: string, ip: string): boolean | undefined {
  const address = toNumber(ip);
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(pattern.trim());
  if (cidr) {
    const base = toNumber(cidr[1]!);
    const bits = Number(cidr[2]);
    if (base === undefined || bits > 32) return undefined;
    if (address === undefined) return false;
    // Division keeps the arithmetic within safe integers (no 32-bit sign issues with << and >>).
    const block = 2 ** (32 - bits);
    return Math.floor(base / block) === Math.floor(address / block);
  }
  const parts = pattern.trim().split('.');
  if (parts.length !== 4 || parts.some((p) => p !== '*' && (!/^\d{1,3}$/.test(p) || Number(p) > 255))) {
    return undefined;
  }
  if (address === undefined) return false;
  const octets = ip.trim().split('.');
  return parts.every((p, i) => p === '*' || Number(p) === Number(octets[i]));
}
