// The armoured offline license file: a compact JWS between BEGIN/END lines, wrapped at 64 characters.

export const LICENSE_FILE_BEGIN = '-----BEGIN LICENTIA LICENSE FILE-----';
export const LICENSE_FILE_END = '-----END LICENTIA LICENSE FILE-----';
/** Characters per body line (as PEM), so the file survives e-mail and copy-paste. */
export const LICENSE_FILE_LINE_LENGTH = 64;

const JWS_CHARS = /^[A-Za-z0-9_.-]+$/;

/**
 * Armour a compact JWS: the BEGIN line, the JWS in lines of 64 characters, the END line, each
 * ended by `\n`. Throws RangeError for text that is not JWS characters (base64url and dots).
 * @example armorLicenseFile('eyJh.eyJz.c2ln') // '-----BEGIN LICENTIA LICENSE FILE-----\neyJh.eyJz.c2ln\n-----END LICENTIA LICENSE FILE-----\n'
 */
export function armorLicenseFile(jws: string): string {
  if (!JWS_CHARS.test(jws)) throw new RangeError('a license file armours a compact JWS');
  const lines: string[] = [];
  for (let i = 0; i < jws.length; i += LICENSE_FILE_LINE_LENGTH) {
    lines.push(jws.slice(i, i + LICENSE_FILE_LINE_LENGTH));
  }
  return `${[LICENSE_FILE_BEGIN, ...lines, LICENSE_FILE_END].join('\n')}\n`;
}

/**
 * The compact JWS inside an armoured file, or null when `text` is not exactly one armoured block.
 * Tolerates CRLF line ends and surrounding whitespace (files pass through editors and mail); refuses
 * anything else outside the block, blank or foreign characters inside it, and missing markers —
 * the signature check that follows is what proves the content, this only unwraps it.
 * @example dearmorLicenseFile(armorLicenseFile(jws)) === jws // true
 */
export function dearmorLicenseFile(text: string): string | null {
  const lines = text.replace(/\r\n/g, '\n').trim().split('\n');
  if (lines.length < 3 || lines[0] !== LICENSE_FILE_BEGIN || lines.at(-1) !== LICENSE_FILE_END) return null;
  const body = lines.slice(1, -1);
  if (body.some((line) => line.length === 0 || line.length > LICENSE_FILE_LINE_LENGTH)) return null;
  const jws = body.join('');
  return JWS_CHARS.test(jws) && jws.split('.').length === 3 ? jws : null;
}
