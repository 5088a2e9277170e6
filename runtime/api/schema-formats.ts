/**
 * The string formats and regular expressions of CRD schemas, as the apiextensions-apiserver of
 * Kubernetes 1.34 checks them: kube-openapi's strfmt registry limited to the formats supported
 * at the server's compatibility version (apiserver/validation/formats.go), and Go (RE2) patterns.
 */
import { encodeUtf8 } from '../util/utf8';

/**
 * The formats validated at compatibility version 1.33 (1.34's minimum compatibility version), by
 * name with dashes removed as go-openapi normalizes them. Others (`int32`, `k8s-short-name`, …)
 * are stripped from the schema and not checked.
 */
const FORMATS: Record<string, (value: string) => boolean> = {
  bsonobjectid: (v) => /^[0-9a-fA-F]{24}$/.test(v),
  uri: isRequestUri,
  email: isEmail,
  hostname: isHostname,
  ipv4: (v) => parseIp(v, true) !== undefined && v.includes('.'),
  ipv6: (v) => parseIp(v, false) !== undefined && v.includes(':'),
  cidr: isCidr,
  mac: isMac,
  uuid: (v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(v),
  uuid3: (v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(v),
  uuid4: (v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(v),
  uuid5: (v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(v),
  isbn: (v) => isIsbn(v, 10) || isIsbn(v, 13),
  isbn10: (v) => isIsbn(v, 10),
  isbn13: (v) => isIsbn(v, 13),
  creditcard: isCreditCard,
  ssn: (v) => v.length === 11 && /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(v),
  hexcolor: (v) => /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v),
  rgbcolor: (v) => RGB_COLOR.test(v),
  byte: (v) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/.test(v),
  password: () => true,
  date: isDate,
  duration: isDuration,
  datetime: isDateTime,
};

const RGB_OCTET = '(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])';
const RGB_COLOR = new RegExp(`^rgb\\(\\s*${RGB_OCTET}\\s*,\\s*${RGB_OCTET}\\s*,\\s*${RGB_OCTET}\\s*\\)$`);

/** True when a schema's `format` is checked (after the server strips the unsupported ones). */
export function isKnownFormat(format: string): boolean {
  return Object.hasOwn(FORMATS, format.replace(/-/g, ''));
}

/** True when `value` is valid for a known format. */
export function matchesFormat(format: string, value: string): boolean {
  return FORMATS[format.replace(/-/g, '')]?.(value) ?? true;
}

/** url.ParseRequestURI: an absolute URI, or an absolute path. */
function isRequestUri(raw: string): boolean {
  if (raw === '' || [...raw].some((c) => c < ' ' || c === '\x7f')) return false;
  let rest = raw;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw);
  if (raw.startsWith(':')) return false;
  if (scheme) rest = raw.slice(scheme[0].length);
  rest = rest.split('?')[0];
  if (!rest.startsWith('/')) return scheme !== null;
  if (/%(?![0-9a-fA-F]{2})/.test(rest)) return false;
  if (scheme && rest.startsWith('//')) {
    const authority = rest.slice(2).split('/')[0];
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    if (/[\s<>"{}|\\^`]/.test(host)) return false;
    const port = /:([^:\]]*)$/.exec(host);
    if (port && !host.startsWith('[') && !/^\d*$/.test(port[1])) return false;
  }
  return true;
}

const ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u0080-\\uffff]+";
const DOT_ATOM = `${ATEXT}(?:\\.${ATEXT})*`;
const ADDRESS = `(?:${DOT_ATOM}|"(?:[^"\\\\]|\\\\.)*")@(?:${DOT_ATOM}|\\[[^\\[\\]\\\\]*\\])`;
const EMAIL = new RegExp(`^\\s*(?:${ADDRESS}|[^<>]*<${ADDRESS}>)\\s*$`);

/** net/mail.ParseAddress, for the address forms people write: `a@b` and `Name <a@b>`. */
function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

const HOSTNAME =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;

function isHostname(value: string): boolean {
  const bytes = (s: string): number => encodeUtf8(s).length;
  return HOSTNAME.test(value) && bytes(value) <= 255 && value.split('.').every((p) => bytes(p) <= 63);
}

/**
 * net.ParseIP, as bytes (4 for a dotted quad, 16 otherwise); `sloppy` also takes IPv4 parts with
 * leading zeros, as k8s.io/utils/net.ParseIPSloppy does.
 */
function parseIp(text: string, sloppy: boolean): number[] | undefined {
  if (text.includes(':')) return parseIpv6(text, sloppy);
  return parseIpv4(text, sloppy);
}

function parseIpv4(text: string, sloppy: boolean): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    if (!sloppy && part.length > 1 && part.startsWith('0')) return undefined;
    bytes.push(Number(part));
  }
  return bytes;
}

function parseIpv6(text: string, sloppy: boolean): number[] | undefined {
  let tail: number[] = [];
  let body = text;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(text.slice(lastColon + 1), sloppy);
    if (!v4) return undefined;
    tail = v4;
    body = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    for (const group of half.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      const n = parseInt(group, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !rest) return undefined;
  const known = head.length + rest.length;
  if (halves.length === 1 ? known !== 16 : known > 14) return undefined;
  const bytes = [...head, ...new Array<number>(16 - known).fill(0), ...rest];
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** k8s.io/utils/net.ParseCIDRSloppy. */
function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const ip = parseIp(value.slice(0, slash), true);
  const mask = value.slice(slash + 1);
  if (!ip || !/^\d+$/.test(mask)) return false;
  return Number(mask) <= ip.length * 8;
}

/** net.ParseMAC: 6, 8 or 20 octets, separated by `:` or `-`, or in dotted groups of four. */
function isMac(value: string): boolean {
  const octets = (n: number): boolean => n === 6 || n === 8 || n === 20;
  if (value.length < 14) return false;
  if (value[2] === ':' || value[2] === '-') {
    const parts = value.split(value[2]);
    return octets(parts.length) && parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p));
  }
  if (value[4] === '.') {
    const parts = value.split('.');
    return octets(parts.length * 2) && parts.every((p) => /^[0-9a-fA-F]{4}$/.test(p));
  }
  return false;
}

/** govalidator.IsISBN: 10 or 13 digits after removing spaces and dashes, with a valid checksum. */
function isIsbn(value: string, version: 10 | 13): boolean {
  const s = value.replace(/[\s-]+/g, '');
  const digit = (i: number): number => s.charCodeAt(i) - 48;
  let checksum = 0;
  if (version === 10) {
    if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(s)) return false;
    for (let i = 0; i < 9; i++) checksum += (i + 1) * digit(i);
    checksum += s[9] === 'X' ? 100 : 10 * digit(9);
    return checksum % 11 === 0;
  }
  if (!/^[0-9]{13}$/.test(s)) return false;
  for (let i = 0; i < 12; i++) checksum += (i % 2 === 0 ? 1 : 3) * digit(i);
  return digit(12) - ((10 - (checksum % 10)) % 10) === 0;
}

const CREDIT_CARD =
  /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;

/** govalidator.IsCreditCard: a known card number pattern passing the Luhn check. */
function isCreditCard(value: string): boolean {
  const s = value.replace(/[^0-9]+/g, '');
  if (!CREDIT_CARD.test(s)) return false;
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    let n = s.charCodeAt(i) - 48;
    if (double) {
      n *= 2;
      sum += n >= 10 ? (n % 10) + 1 : n;
    } else sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

/** time.Parse("2006-01-02"): a full date whose day exists in its month. */
function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** strfmt.IsDateTime: a valid date, `T`, and a time with a zone (`Z` or `±hh:mm`). */
function isDateTime(value: string): boolean {
  if (value.length < 4) return false;
  const parts = value.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0])) return false;
  const m = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/.exec(parts[1]);
  return m !== null && m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

const GO_DURATION = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const DURATION_UNITS = [
  ['ns', 'nano'],
  ['us', 'µs', 'micro'],
  ['ms', 'milli'],
  ['s', 'sec'],
  ['m', 'min'],
  ['h', 'hr', 'hour'],
  ['d', 'day'],
  ['w', 'wk', 'week'],
];

/** strfmt.ParseDuration: Go's time.ParseDuration, or `<n> <unit>` pairs like `5 days`. */
function isDuration(value: string): boolean {
  if (value === '0' || /^[-+]0$/.test(value) || GO_DURATION.test(value)) return true;
  for (const match of value.matchAll(/((\d+)\s*([A-Za-zµ]+))/g)) {
    const unit = match[3].toLowerCase().trim();
    for (const variants of DURATION_UNITS) {
      const last = variants.length - 1;
      if (variants.some((v, i) => (i === last && unit.startsWith(v)) || v.toLowerCase() === unit)) return true;
    }
  }
  return false;
}

/**
 * A Go regular expression (RE2 syntax) as a JavaScript one: inline flags, `\A`, `\z`, named groups
 * and POSIX classes translated; an Error with Go's text when Go would not compile it.
 */
export function goRegExp(pattern: string): RegExp | Error {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const result = translate(pattern);
  compiled.set(pattern, result);
  return result;
}

const compiled = new Map<string, RegExp | Error>();

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

function translate(pattern: string): RegExp | Error {
  const problem = goRegexpProblem(pattern);
  if (problem) return new Error(`error parsing regexp: ${problem}`);
  let flags = '';
  let source = pattern.replace(/^\(\?([imsU]+)\)/, (_, f: string) => {
    flags = f.replace('U', '');
    return '';
  });
  source = source
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '(?![\\s\\S])')
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:(\w+):\]/g, (whole, name: string) => POSIX_CLASSES[name] ?? whole)
    .replace(/\\p([A-Z])/g, '\\p{$1}')
    .replace(/\\P([A-Z])/g, '\\P{$1}');
  for (const extra of ['u', '']) {
    try {
      return new RegExp(source, flags + extra);
    } catch {
      // Not valid in this mode; try the next.
    }
  }
  return new Error(`error parsing regexp: invalid or unsupported Perl syntax: \`${pattern}\``);
}

/** The commonest reasons Go's regexp.Compile refuses a pattern, in its words. */
function goRegexpProblem(pattern: string): string | undefined {
  let depth = 0;
  let inClass = false;
  let classStart = 0;
  let previous = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i === pattern.length - 1) return 'trailing backslash at end of expression: ``';
      i++;
      previous = 'x';
      continue;
    }
    if (inClass) {
      if (c === ']' && i > classStart + 1 && !(i === classStart + 2 && pattern[classStart + 1] === '^')) {
        inClass = false;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      classStart = i;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return `unexpected ): \`${pattern}\``;
      depth--;
    } else if (c === '?' && previous === '(') {
      // A group's flags or name: (?:…), (?i), (?P<name>…).
    } else if ((c === '*' || c === '+' || c === '?') && (previous === '' || previous === '(' || previous === '|')) {
      return `missing argument to repetition operator: \`${c}\``;
    }
    previous = c;
  }
  if (inClass) return `missing closing ]: \`${pattern.slice(classStart)}\``;
  if (depth > 0) return `missing closing ): \`${pattern}\``;
  return undefined;
}
