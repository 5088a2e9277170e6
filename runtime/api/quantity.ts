/**
 * resource.Quantity, enough for quota arithmetic: parse `500m`, `2`, `1.5`, `128Mi`, `1G`, `1e3`
 * into an exact count of thousandths, add and compare, and print in Kubernetes' canonical form
 * (binary suffixes stay binary, decimal ones decimal, the largest exact suffix wins).
 */
export interface Quantity {
  /** The value in thousandths (`500m` is 500, `1` is 1000). */
  milli: bigint;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const BINARY: Array<[string, bigint]> = [
  ['Ei', 1n << 60n],
  ['Pi', 1n << 50n],
  ['Ti', 1n << 40n],
  ['Gi', 1n << 30n],
  ['Mi', 1n << 20n],
  ['Ki', 1n << 10n],
];
const DECIMAL: Array<[string, number]> = [
  ['E', 18],
  ['P', 15],
  ['T', 12],
  ['G', 9],
  ['M', 6],
  ['k', 3],
  ['', 0],
  ['m', -3],
];

/** Parses a quantity; undefined for text that is not one. */
export function parseQuantity(text: string): Quantity | undefined {
  const match = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, sign, number, suffix = ''] = match;
  const [whole, fraction = ''] = number.split('.');
  // value = digits / 10^fraction.length, scaled to thousandths.
  let milli = BigInt(whole + fraction) * 1000n;
  let divisor = 10n ** BigInt(fraction.length);
  let format: Quantity['format'] = 'DecimalSI';
  const binary = BINARY.find(([s]) => s === suffix);
  if (binary) {
    milli *= binary[1];
    format = 'BinarySI';
  } else if (/^[eE]/.test(suffix)) {
    const exponent = Number(suffix.slice(1));
    if (exponent >= 0) milli *= 10n ** BigInt(exponent);
    else divisor *= 10n ** BigInt(-exponent);
    format = 'DecimalExponent';
  } else {
    const exponent = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }[suffix] ?? 0;
    if (exponent >= 0) milli *= 10n ** BigInt(exponent);
    else divisor *= 10n ** BigInt(-exponent);
  }
  // Kubernetes rounds up to the smallest unit it keeps (here a thousandth).
  let value = milli / divisor;
  if (value * divisor !== milli) value += 1n;
  return { milli: sign === '-' ? -value : value, format };
}

/** The canonical text of a quantity. */
export function formatQuantity(q: Quantity): string {
  const negative = q.milli < 0n;
  const milli = negative ? -q.milli : q.milli;
  const sign = negative ? '-' : '';
  if (milli === 0n) return '0';
  if (q.format === 'BinarySI' && milli % 1000n === 0n) {
    const units = milli / 1000n;
    for (const [suffix, size] of BINARY)
      if (units >= size && units % size === 0n) return `${sign}${units / size}${suffix}`;
    if (units < 1024n || units % 1024n !== 0n) return `${sign}${units}`;
  }
  for (const [suffix, exponent] of DECIMAL) {
    const unit = exponent >= -3 ? 10n ** BigInt(exponent + 3) : 1n;
    if (milli % unit === 0n) return `${sign}${milli / unit}${suffix}`;
  }
  return `${sign}${milli}m`;
}

/** a + b, in a's format (b's when a is zero, as Quantity.Add does). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, format: a.milli === 0n ? b.format : a.format };
}
