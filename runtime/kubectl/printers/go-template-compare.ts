import { GoInt, type GoValue } from './go-template-fmt';

/** Go's text/template basicKind: the comparison class of a value, or undefined when it has none. */
export function basicKind(value: GoValue): 'bool' | 'int' | 'float' | 'string' | undefined {
  if (typeof value === 'boolean') return 'bool';
  if (value instanceof GoInt) return 'int';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'string';
  return undefined;
}

const numeric = (value: GoValue): number => (value instanceof GoInt ? value.value : (value as number));

/**
 * Compares two values as text/template's eq and lt do (and client-go's forked copies the
 * jsonpath filters use): -1, 0 or 1. Throws Go's errors: "invalid type for comparison" for
 * values without a basic kind (and booleans when ordering), "incompatible types for
 * comparison" for different kinds.
 */
export function goCompare(left: GoValue, right: GoValue, ordered: boolean): number {
  const k1 = basicKind(left);
  const k2 = basicKind(right);
  if (k1 === undefined || k2 === undefined) throw new Error('invalid type for comparison');
  if (k1 !== k2) throw new Error('incompatible types for comparison');
  if (k1 === 'bool') {
    if (ordered) throw new Error('invalid type for comparison');
    return left === right ? 0 : 1;
  }
  if (k1 === 'string') {
    const a = left as string;
    const b = right as string;
    return a === b ? 0 : a < b ? -1 : 1;
  }
  const a = numeric(left);
  const b = numeric(right);
  return a === b ? 0 : a < b ? -1 : 1;
}
