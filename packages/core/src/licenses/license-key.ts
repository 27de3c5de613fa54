// Human license keys: 24 Crockford base32 characters (120 random bits) plus a check character, in 5 groups of 5.
//
// Format: `XXXXX-XXXXX-XXXXX-XXXXX-XXXXC`. Alphabet 0-9 A-Z without I, L, O, U (Crockford). The
// check character C is the Luhn mod 32 check over the 24 data symbols (below), chosen over
// Crockford's mod-37 symbol so keys stay alphanumeric (no `*~$=` to type, quote or URL-encode).
// Luhn mod N detects every single-character substitution and most adjacent transpositions.
// Lookup: the server stores only SHA-256(normalizeLicenseKey(key)) as hex and looks keys up by it;
// the key itself is shown once at issue.

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random bytes a key needs: 15 bytes = 120 bits = 24 base32 symbols. */
export const LICENSE_KEY_RANDOM_BYTES = 15;

const GROUPS = 5;
const GROUP_LENGTH = 5;
const DATA_SYMBOLS = 24;

/**
 * A key from 15 random bytes (the caller draws them, e.g. `crypto.randomBytes(15)`).
 * @example formatLicenseKey(new Uint8Array(15)) // '00000-00000-00000-00000-00000'
 */
export function formatLicenseKey(randomBytes: Uint8Array): string {
  if (randomBytes.length !== LICENSE_KEY_RANDOM_BYTES) {
    throw new RangeError(`a license key needs exactly ${LICENSE_KEY_RANDOM_BYTES} random bytes`);
  }
  const digits: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of randomBytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      digits.push((buffer >> bits) & 31);
    }
  }
  digits.push(luhnMod32Check(digits));
  return group(digits.map((d) => CROCKFORD_ALPHABET[d]).join(''));
}

/**
 * The canonical form of what a person typed: upper case, spaces and hyphens removed, I/L read as 1
 * and O as 0, regrouped as `XXXXX-…`; null when it is not 25 Crockford symbols. Does not test the
 * check character (see {@link isValidLicenseKey}).
 * @example normalizeLicenseKey(' abcde fghjk-mnpqr stvwx yz01o ') // 'ABCDE-FGHJK-MNPQR-STVWX-YZ010'
 */
export function normalizeLicenseKey(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (compact.length !== DATA_SYMBOLS + 1) return null;
  for (const symbol of compact) if (!CROCKFORD_ALPHABET.includes(symbol)) return null;
  return group(compact);
}

/**
 * True when `input` normalizes to a key whose check character matches: a typo is caught before any
 * lookup (no database round trip, no timing signal about stored keys).
 * @example isValidLicenseKey(formatLicenseKey(bytes).toLowerCase()) // true
 */
export function isValidLicenseKey(input: string): boolean {
  const key = normalizeLicenseKey(input);
  if (key === null) return false;
  const digits = [...key.replace(/-/g, '')].map((s) => CROCKFORD_ALPHABET.indexOf(s));
  return luhnMod32Check(digits.slice(0, DATA_SYMBOLS)) === digits[DATA_SYMBOLS];
}

/**
 * Luhn mod 32 check digit: from the rightmost data digit leftwards, double every other digit
 * (starting with the rightmost), fold with `floor(d / 32) + d % 32`, sum; check = (32 − sum % 32) % 32.
 */
export function luhnMod32Check(digits: readonly number[]): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i]!;
    if (double) {
      d *= 2;
      d = Math.floor(d / 32) + (d % 32);
    }
    sum += d;
  }
  return (32 - (sum % 32)) % 32;
}

function group(compact: string): string {
  const parts: string[] = [];
  for (let i = 0; i < GROUPS; i++) parts.push(compact.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
  return parts.join('-');
}
