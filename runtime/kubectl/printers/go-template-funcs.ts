/**
 * text/template's builtin functions and kubectl's two extras (exists, base64decode), over the
 * executor's values. Each returns its result or throws Error with the Go function's error text
 * (the executor reports it as `error calling <name>: <text>`).
 */
import { fromBase64Text } from '../../util/base64url';
import { decodeUtf8, encodeUtf8, utf8Length } from '../../util/utf8';
import { goCompare, basicKind } from './go-template-compare';
import { GoInt, goSprint, goSprintf, goSprintln, goTypeName, numberOf, type GoValue } from './go-template-fmt';

/** A value as reflect sees it: `Iface` marks one whose static type is interface{} (a map or slice element). */
export class Iface {
  constructor(readonly value: GoValue) {}
}

/** An executor value: a concrete value, an interface{}-typed one, or undefined (invalid). */
export type TValue = GoValue | Iface;

/** Strips the interface{} wrapper (indirectInterface); a nil interface becomes null. */
export const concrete = (value: TValue): GoValue => (value instanceof Iface ? value.value : value);

/** Go's truth of a value (isTrue); undefined when it has none. */
export function isTrue(value: TValue): boolean {
  const v = concrete(value);
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoInt) return v.value !== 0;
  if (typeof v === 'number') return v !== 0;
  return Object.keys(v).length > 0;
}

/** A builtin: its arity (fixed, or the fixed part of a variadic one) and implementation. */
export interface Builtin {
  arity: number;
  variadic: boolean;
  /** The Go type of the fixed parameters that are not interface{}/reflect.Value. */
  params?: string[];
  call(args: TValue[]): TValue;
}

function indexArg(index: TValue, length: number): number {
  const i = concrete(index);
  if (i === null || i === undefined) throw new Error('cannot index slice/array with nil');
  const n = numberOf(i);
  if (n === undefined || !Number.isInteger(n)) throw new Error(`cannot index slice/array with type ${goTypeName(i)}`);
  if (n < 0 || n > length) throw new Error(`index out of range: ${n}`);
  return n;
}

function index(args: TValue[]): TValue {
  let item: TValue = concrete(args[0]);
  if (item === undefined) throw new Error('index of untyped nil');
  for (const key of args.slice(1)) {
    const v = concrete(item);
    if (v === null || v === undefined) throw new Error('index of nil pointer');
    if (Array.isArray(v) || typeof v === 'string') {
      const bytes = typeof v === 'string' ? encodeUtf8(v) : undefined;
      const length = bytes ? bytes.length : (v as GoValue[]).length;
      const x = indexArg(key, length);
      if (x === length) throw new Error(`index out of range: ${x}`);
      item = bytes ? bytes[x] : new Iface((v as GoValue[])[x]);
    } else if (typeof v === 'object' && !(v instanceof GoInt)) {
      const k = concrete(key);
      if (typeof k !== 'string') {
        throw new Error(`value has type ${goTypeName(k)}; should be string`);
      }
      item = new Iface(Object.hasOwn(v, k) ? v[k] : null);
    } else throw new Error(`can't index item of type ${goTypeName(v)}`);
  }
  return item;
}

function slice(args: TValue[]): TValue {
  const item = concrete(args[0]);
  if (item === undefined) throw new Error('slice of untyped nil');
  if (args.length > 4) throw new Error(`too many slice indexes: ${args.length - 1}`);
  if (typeof item !== 'string' && !Array.isArray(item)) throw new Error(`can't slice item of type ${goTypeName(item)}`);
  if (typeof item === 'string' && args.length > 3) throw new Error('cannot 3-index slice a string');
  const length = typeof item === 'string' ? utf8Length(item) : item.length;
  const idx = [0, length];
  args.slice(1).forEach((arg, i) => {
    idx[i] = indexArg(arg, length);
  });
  if (idx[0] > idx[1]) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (typeof item === 'string') {
    return decodeUtf8(encodeUtf8(item).slice(idx[0], idx[1]));
  }
  return item.slice(idx[0], idx[1]);
}

function len(args: TValue[]): TValue {
  const v = concrete(args[0]);
  if (v === null) throw new Error('len of nil pointer');
  if (typeof v === 'string') return new GoInt(utf8Length(v));
  if (Array.isArray(v)) return new GoInt(v.length);
  if (v && typeof v === 'object' && !(v instanceof GoInt)) return new GoInt(Object.keys(v).length);
  throw new Error(`len of type ${goTypeName(v)}`);
}

function eq(args: TValue[]): TValue {
  const a = concrete(args[0]);
  if (args.length < 2) throw new Error('missing argument for comparison');
  for (const arg of args.slice(1)) {
    const b = concrete(arg);
    const k1 = basicKind(a);
    const k2 = basicKind(b);
    if (k1 !== k2) {
      if (a !== undefined && a !== null && b !== undefined && b !== null)
        throw new Error('incompatible types for comparison');
      if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
      continue;
    }
    if (k1 === undefined) throw new Error(`non-comparable type ${goSprint([a])}: ${goTypeName(a)}`);
    if (goCompare(a, b, false) === 0) return true;
  }
  return false;
}

const lt = (args: TValue[]): boolean => goCompare(concrete(args[0]), concrete(args[1]), true) < 0;

/** Printable operands for print, printf, println (evalArgs' printableValue). */
const operands = (args: TValue[]): GoValue[] => args.map(concrete);

/** text/template's evalArgs: a lone string as is, otherwise fmt.Sprint of the operands. */
const evalArgs = (args: TValue[]): string => {
  const values = operands(args);
  return values.length === 1 && typeof values[0] === 'string' ? values[0] : goSprint(values);
};

const HTML_ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&#39;',
  '"': '&#34;',
  '\0': '\uFFFD',
};

function base64decode(args: TValue[]): TValue {
  const text = concrete(args[0]) as string;
  const alphabet = /[A-Za-z0-9+/]/;
  const body = text.replace(/=+$/, '');
  for (let i = 0; i < body.length; i++) {
    if (!alphabet.test(body[i])) throw new Error(`base64 decode failed: illegal base64 data at input byte ${i}`);
  }
  if (text.length % 4 !== 0 || body.length % 4 === 1 || text.length - body.length > 2) {
    throw new Error(
      `base64 decode failed: illegal base64 data at input byte ${Math.min(body.length, text.length - (text.length % 4))}`,
    );
  }
  return fromBase64Text(text);
}

function exists(args: TValue[]): TValue {
  let v: GoValue = concrete(args[0]);
  for (const key of args.slice(1)) {
    if (v === null || v === undefined) return false;
    const k = concrete(key);
    if (Array.isArray(v) || typeof v === 'string') {
      const n = numberOf(k);
      if (n === undefined || n < 0 || n >= v.length) return false;
      v = typeof v === 'string' ? v.charCodeAt(n) : v[n];
    } else if (typeof v === 'object' && !(v instanceof GoInt)) {
      if (typeof k !== 'string') return false;
      v = Object.hasOwn(v, k) ? v[k] : null;
    } else return false;
  }
  return v !== null && v !== undefined;
}

/** The functions a kubectl go-template can call, by name. */
export const BUILTINS: Record<string, Builtin> = {
  and: { arity: 1, variadic: true, call: (args) => args.find((a) => !isTrue(a)) ?? args[args.length - 1] },
  or: { arity: 1, variadic: true, call: (args) => args.find((a) => isTrue(a)) ?? args[args.length - 1] },
  not: { arity: 1, variadic: false, call: (args) => !isTrue(args[0]) },
  len: { arity: 1, variadic: false, call: len },
  index: { arity: 1, variadic: true, call: index },
  slice: { arity: 1, variadic: true, call: slice },
  print: { arity: 0, variadic: true, call: (args) => goSprint(operands(args)) },
  printf: {
    arity: 1,
    variadic: true,
    params: ['string'],
    call: (args) => goSprintf(concrete(args[0]) as string, operands(args.slice(1))),
  },
  println: { arity: 0, variadic: true, call: (args) => goSprintln(operands(args)) },
  eq: { arity: 1, variadic: true, call: eq },
  ne: { arity: 2, variadic: false, call: (args) => !eq(args) },
  lt: { arity: 2, variadic: false, call: lt },
  le: { arity: 2, variadic: false, call: (args) => lt(args) || (eq(args) as boolean) },
  gt: { arity: 2, variadic: false, call: (args) => !lt(args) && !eq(args) },
  ge: { arity: 2, variadic: false, call: (args) => !lt(args) },
  html: { arity: 0, variadic: true, call: (args) => evalArgs(args).replace(/[<>&'"\0]/g, (c) => HTML_ESCAPES[c]) },
  urlquery: {
    arity: 0,
    variadic: true,
    call: (args) =>
      encodeURIComponent(evalArgs(args))
        .replace(/%20/g, '+')
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  },
  exists: { arity: 1, variadic: true, call: exists },
  base64decode: { arity: 1, variadic: false, params: ['string'], call: base64decode },
};
