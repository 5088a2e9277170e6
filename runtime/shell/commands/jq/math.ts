// jq's libm builtins (libm.h): one-argument functions apply to the input, the others take their
// numbers as arguments. Bessel, error and gamma functions are left out (JavaScript has none).
import { cfunction } from './builtins-values';
import type { Native } from './eval-types';
import { typeError, type Value } from './values';

const num = (v: Value): number => {
  if (typeof v !== 'number') throw typeError(v, 'number required');
  return v;
};

/** Round half to even, as rint/nearbyint do in the default rounding mode. */
const rint = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

/** C's round: halves away from zero. */
const round = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x));

function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

const logb = (x: number): number => (x === 0 ? -Infinity : Number.isFinite(x) ? frexp(x)[1] - 1 : Math.abs(x));

const ONE: Record<string, (x: number) => number> = {
  acos: Math.acos,
  acosh: Math.acosh,
  asin: Math.asin,
  asinh: Math.asinh,
  atan: Math.atan,
  atanh: Math.atanh,
  cbrt: Math.cbrt,
  ceil: Math.ceil,
  cos: Math.cos,
  cosh: Math.cosh,
  exp: Math.exp,
  exp2: (x) => 2 ** x,
  exp10: (x) => 10 ** x,
  pow10: (x) => 10 ** x,
  expm1: Math.expm1,
  fabs: Math.abs,
  floor: Math.floor,
  log: Math.log,
  log10: Math.log10,
  log1p: Math.log1p,
  log2: Math.log2,
  logb,
  nearbyint: rint,
  rint,
  round,
  significand: (x) => (x === 0 || !Number.isFinite(x) ? x : x / 2 ** logb(x)),
  sin: Math.sin,
  sinh: Math.sinh,
  sqrt: Math.sqrt,
  tan: Math.tan,
  tanh: Math.tanh,
  trunc: Math.trunc,
};

const remainder = (x: number, y: number): number => x - y * rint(x / y);

const TWO: Record<string, (x: number, y: number) => number> = {
  atan2: Math.atan2,
  copysign: (x, y) => (Math.sign(y) === -1 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x)),
  drem: remainder,
  remainder,
  fdim: (x, y) => (x > y ? x - y : 0),
  fmax: (x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.max(x, y)),
  fmin: (x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.min(x, y)),
  fmod: (x, y) => x % y,
  hypot: Math.hypot,
  ldexp: (x, n) => x * 2 ** Math.trunc(n),
  pow: Math.pow,
  scalb: (x, n) => x * 2 ** n,
  scalbln: (x, n) => x * 2 ** Math.trunc(n),
};

export const MATH_BUILTINS: Record<string, Native> = {
  ...Object.fromEntries(Object.entries(ONE).map(([name, f]) => [`${name}/0`, cfunction((x) => f(num(x)))])),
  ...Object.fromEntries(
    Object.entries(TWO).map(([name, f]) => [`${name}/2`, cfunction((_, a, b) => f(num(a), num(b)))]),
  ),
  'fma/3': cfunction((_, a, b, c) => num(a) * num(b) + num(c)),
  'frexp/0': cfunction((x) => frexp(num(x))),
  'modf/0': cfunction((x) => {
    const n = num(x);
    const whole = Number.isFinite(n) ? Math.trunc(n) : n;
    return [Number.isFinite(n) ? n - whole : 0 * Math.sign(n), whole];
  }),
};
