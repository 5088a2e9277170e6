import { parseTime } from '../util/time';
import { encodeUtf8 } from '../util/utf8';
import { GO_NAMED, GO_STRUCTS } from './go-types';

/**
 * The pod-template-hash as kube-controller-manager v1.34 computes it (controller.ComputeHash):
 *
 *     hasher := fnv.New32a()
 *     hashutil.DeepHashObject(hasher, *template)   // fmt.Fprintf(hasher, "%v", dump.ForHash(template))
 *     if collisionCount != nil { hasher.Write(8 bytes: uint32(*collisionCount) little-endian, then 4 zeros) }
 *     return rand.SafeEncodeString(fmt.Sprint(hasher.Sum32()))
 *
 * dump.ForHash is go-spew's `%#v` with SortKeys, SpewKeys, DisableMethods,
 * DisablePointerAddresses and DisableCapacities: every field of the Go struct, zero or not, as
 * `Name:(type)value`, fields separated by a space, strings unquoted, nil pointers, slices and
 * maps as `(type)<nil>`, map keys sorted, and the types of slice elements, map keys/values and
 * pointees left out. This module prints the same text from the JSON template, walking the v1.34
 * Go structs in `go-types.ts` (generated from k8s.io/api v0.34.0), then hashes it.
 *
 * Where it can differ from the real controller:
 * - The controller reads the template from protobuf: empty lists and maps are nil there, and so
 *   they are here (`[]` and `{}` print as `<nil>`); an empty object for a pointer field is a
 *   non-nil pointer to a zero struct in both.
 * - resource.Quantity is printed from ParseQuantity's fast path (int64Amount, and the string kept
 *   when canonical); values that need inf.Dec (more than 18 digits, below nano) print `<nil>` Dec
 *   and so hash differently.
 * - A set metav1.Time (creationTimestamp in a template is normally null) carries a *time.Location
 *   whose dump depends on the host's zone; it is printed here as UTC with a nil location.
 * - Fields unknown to k8s.io/api v0.34 are ignored (the API server drops them too); the hash of a
 *   template changes whenever Kubernetes adds a field to PodSpec or Container, as it does upstream.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  const text = deepHashText(template);
  let hash = fnv32a(0x811c9dc5, encodeUtf8(text));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv32a(hash, bytes);
  }
  return safeEncodeString(String(hash >>> 0));
}

/** What dump.ForHash prints for a v1.PodTemplateSpec given as JSON. */
export function deepHashText(template: unknown): string {
  return format('v1.PodTemplateSpec', template, true);
}

/** FNV-1a, 32 bits, continuing from `hash`. */
export function fnv32a(hash: number, bytes: Iterable<number>): number {
  let h = hash >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each byte b becomes alphanums[b % 27] (digits become 4…9, b, c, d, f). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const b of encodeUtf8(s)) out += ALPHANUMS[b % ALPHANUMS.length];
  return out;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNil = (v: Json): boolean =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);

const structFields = new Map<string, Array<{ name: string; json: string; type: string }>>();
function fieldsOf(type: string): Array<{ name: string; json: string; type: string }> | undefined {
  let fields = structFields.get(type);
  if (!fields && GO_STRUCTS[type] !== undefined) {
    fields = GO_STRUCTS[type]
      .split(';')
      .filter(Boolean)
      .map((f) => {
        const [name, json, goType] = f.split(' ');
        return { name, json, type: goType };
      });
    structFields.set(type, fields);
  }
  return fields;
}

/** The type text spew writes before a value, unless the value is an element (ignoreNextType). */
const typed = (type: string, show: boolean): string => (show ? `(${type})` : '');

/** spew's formatter.format for a value of Go type `type` decoded from `value`. */
function format(type: string, value: Json, show: boolean): string {
  if (type.startsWith('*')) {
    if (value === undefined || value === null) return show ? `(${type})<nil>` : '<nil>';
    // formatPtr: the pointer's type (or `<*>` for an element), then the pointee without its type.
    return (show ? `(${type})` : '<*>') + format(type.slice(1), value, false);
  }
  if (type.startsWith('[]')) {
    if (!Array.isArray(value) || value.length === 0) return `${typed(type, show)}<nil>`;
    const elem = type.slice(2);
    return `${typed(type, show)}[${value.map((v) => format(elem, v, false)).join(' ')}]`;
  }
  if (type.startsWith('map[')) return formatMap(type, type, value, show);
  switch (type) {
    case 'string':
      return typed(type, show) + (typeof value === 'string' ? value : '');
    case 'bool':
      return typed(type, show) + (value === true ? 'true' : 'false');
    case 'int32':
    case 'int64':
    case 'int':
    case 'uint8':
    case 'uint64':
      return typed(type, show) + String(typeof value === 'number' ? Math.trunc(value) : 0);
    case 'types.UID':
      return typed(type, show) + (typeof value === 'string' ? value : '');
    case 'v1.Time':
      return typed(type, show) + formatTime(value);
    case 'resource.Quantity':
      return typed(type, show) + formatQuantity(value);
    case 'intstr.IntOrString':
      return typed(type, show) + formatIntOrString(value);
  }
  const fields = fieldsOf(type);
  if (fields) {
    const object = isObject(value) ? value : {};
    const parts = fields.map((f) => {
      // An embedded struct inlined in JSON (`json:",inline"`) reads from the same object.
      const v = f.json === '-' ? object : object[f.json];
      return `${f.name}:${format(f.type, v, true)}`;
    });
    return `${typed(type, show)}{${parts.join(' ')}}`;
  }
  const underlying = GO_NAMED[type];
  if (underlying?.startsWith('map[')) return formatMap(type, underlying, value, show);
  if (underlying) return typed(type, show) + format(underlying, value, false);
  // A type this table does not know: its JSON, so that the hash still follows the template.
  return typed(type, show) + JSON.stringify(value ?? null);
}

function formatMap(type: string, mapType: string, value: Json, show: boolean): string {
  if (!isObject(value) || isNil(value)) return `${typed(type, show)}<nil>`;
  const match = /^map\[([^\]]+)\](.+)$/.exec(mapType) as RegExpExecArray;
  const [, keyType, valueType] = match;
  // SortKeys: string keys in byte order.
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries = keys.map((k) => `${format(keyType, k, false)}:${format(valueType, value[k], false)}`);
  return `${typed(type, show)}map[${entries.join(' ')}]`;
}

/** metav1.Time{time.Time{wall, ext, loc}}: zero for null; otherwise seconds since year 1 in ext. */
function formatTime(value: Json): string {
  let wall = 0;
  let ext = 0;
  if (typeof value === 'string') {
    const ms = parseTime(value);
    if (ms !== undefined) {
      const seconds = Math.floor(ms / 1000);
      wall = (ms - seconds * 1000) * 1_000_000;
      ext = seconds + 62_135_596_800;
    }
  }
  return `{Time:(time.Time){wall:(uint64)${wall} ext:(int64)${ext} loc:(*time.Location)<nil>}}`;
}

function formatIntOrString(value: Json): string {
  if (typeof value === 'number') return `{Type:(intstr.Type)0 IntVal:(int32)${value} StrVal:(string)}`;
  return `{Type:(intstr.Type)1 IntVal:(int32)0 StrVal:(string)${typeof value === 'string' ? value : ''}}`;
}

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** resource.Quantity{i int64Amount, d infDecAmount, s string, Format} after ParseQuantity's fast path. */
function formatQuantity(value: Json): string {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(text);
  let amount = 0n;
  let scale = 0;
  let format = 'DecimalSI';
  let s = '';
  if (m && (m[2] || m[3])) {
    const [, sign, whole, fraction = '', suffix] = m;
    const num = whole.replace(/^0+(?=\d)/, '');
    const exponentMatch = /^[eE]([+-]?\d+)$/.exec(suffix);
    let exponent: number;
    if (suffix in BINARY_SUFFIX) {
      format = 'BinarySI';
      exponent = BINARY_SUFFIX[suffix];
    } else if (exponentMatch) {
      format = 'DecimalExponent';
      exponent = Number(exponentMatch[1]);
    } else exponent = DECIMAL_SUFFIX[suffix] ?? 0;
    const shifted = (num + fraction).replace(/^0+(?=\d)/, '') || '0';
    if (format === 'BinarySI') {
      amount = BigInt(shifted) << BigInt(fraction ? 0 : exponent);
      scale = -fraction.length;
      if (exponent % 10 === 0 && (BigInt(shifted) & 7n) !== 0n && !fraction) s = text;
    } else {
      amount = BigInt(shifted);
      scale = exponent - fraction.length;
      if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') s = text;
    }
    if (sign === '-') amount = -amount;
  }
  return (
    `{i:(resource.int64Amount){value:(int64)${amount} scale:(resource.Scale)${scale}} ` +
    `d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)${s} Format:(resource.Format)${format}}`
  );
}
