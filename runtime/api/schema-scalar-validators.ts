/** kube-openapi's validators of one value that look no deeper: type, string, format, number and enum. */
import type { JsonSchema } from './custom-resource-schema';
import { goFloat } from './field-error';
import { deepEqual } from './object';
import {
  enumFail,
  exceedsMaximum,
  exceedsMinimum,
  failed,
  failedPattern,
  invalidType,
  multipleOfMustBePositive,
  notMultipleOf,
  Result,
  tooLong,
  tooShort,
} from './schema-errors';
import { goRegExp, matchesFormat } from './schema-formats';
import { formatOf, kindOf, num, typeInfo, typesOf } from './schema-values';

/** typeValidator: the value's JSON type against the schema's type (and nullable). */
export function validateType(schema: JsonSchema, data: unknown, path: string): Result {
  const result = new Result();
  result.matchCount++;
  const types = typesOf(schema);
  if (data === null || data === undefined) {
    if (types.length > 0 && !types.includes('null') && schema.nullable !== true) {
      return failed(invalidType(path, types.join(','), 'null'));
    }
    return result;
  }
  const kind = kindOf(data);
  const format = formatOf(schema);
  const [schType, valueFormat] = typeInfo(kind);
  const isIntFloat = schType === 'integer' && types.includes('number');
  if (kind !== 'string' && kind !== 'slice' && format !== '') {
    if (!(types.includes(schType) || valueFormat === format || isIntFloat)) {
      return failed(invalidType(path, format, valueFormat));
    }
  }
  if (!(types.includes('number') || types.includes('integer')) && format !== '') {
    if (kind === 'string' || kind === 'slice') return result;
  }
  if (!(types.includes(schType) || isIntFloat)) return failed(invalidType(path, types.join(','), schType));
  return result;
}

/** stringValidator: maxLength, minLength and pattern, stopping at the first failure. */
export function validateString(schema: JsonSchema, data: string, path: string): Result | undefined {
  const length = [...data].length;
  const maxLength = num(schema.maxLength);
  if (maxLength !== undefined && length > maxLength) return failed(tooLong(path, maxLength, data));
  const minLength = num(schema.minLength);
  if (minLength !== undefined && length < minLength) return failed(tooShort(path, minLength, data));
  if (typeof schema.pattern === 'string' && schema.pattern !== '') {
    const re = goRegExp(schema.pattern);
    const shown = re instanceof Error ? `${schema.pattern}, but pattern is invalid: ${re.message}` : schema.pattern;
    if (re instanceof Error || !re.test(data)) return failed(failedPattern(path, shown, data));
  }
  return undefined;
}

/** formatValidator: the value against the schema's (supported) format. */
export function validateFormat(format: string, data: string, path: string): Result | undefined {
  return matchesFormat(format, data) ? undefined : failed(invalidType(path, format, data));
}

/**
 * numberValidator: multipleOf, minimum and maximum, compared as int64 for integers (the bound
 * truncated) and as float64 otherwise.
 */
export function validateNumber(schema: JsonSchema, data: number, path: string): Result {
  const result = new Result();
  const isInt = Number.isInteger(data);
  const show = (n: number): string => (isInt ? String(n) : goFloat(n));
  const bound = (n: number): number => (isInt ? Math.trunc(n) : n);
  const multipleOf = num(schema.multipleOf);
  const multiple = new Result();
  if (multipleOf !== undefined) {
    const factor = bound(multipleOf);
    if (factor <= 0) {
      multiple.add(multipleOfMustBePositive(path, factor, show(factor)));
    } else {
      const quotient = isInt ? data / factor : factor < 1 ? (1 / factor) * data : data / factor;
      if (!(isInt ? Number.isInteger(quotient) : isJsonInteger(quotient))) {
        multiple.add(notMultipleOf(path, show(factor), data));
      }
    }
  }
  const minimum = num(schema.minimum);
  const min = new Result();
  if (minimum !== undefined) {
    const limit = bound(minimum);
    const exclusive = schema.exclusiveMinimum === true;
    if (exclusive ? data <= limit : data < limit) {
      const relation = exclusive ? 'greater than' : 'greater than or equal to';
      min.add(exceedsMinimum(path, relation, show(limit), data));
    }
  }
  const maximum = num(schema.maximum);
  const max = new Result();
  if (maximum !== undefined) {
    const limit = bound(maximum);
    const exclusive = schema.exclusiveMaximum === true;
    if (exclusive ? data >= limit : data > limit) {
      const relation = exclusive ? 'less than' : 'less than or equal to';
      max.add(exceedsMaximum(path, relation, show(limit), data));
    }
  }
  result.merge(multiple, min, max);
  result.matchCount++;
  return result;
}

/** swag.IsFloat64AJSONInteger: an integral float within ±2^53 (with a relative tolerance). */
function isJsonInteger(f: number): boolean {
  if (!Number.isFinite(f) || Math.abs(f) > 2 ** 53) return false;
  const truncated = Math.trunc(f);
  if (f === truncated) return true;
  return Math.abs(f - truncated) / Math.max(Math.abs(f), Math.abs(truncated)) < 1e-9;
}

/** basicCommonValidator: enum, matching after Go's type conversion of the value to each member's type. */
export function validateEnum(schema: JsonSchema, data: unknown, path: string): Result | undefined {
  const members = Array.isArray(schema.enum) ? schema.enum : [];
  if (members.length === 0) return undefined;
  for (const member of members) {
    if (member === null || member === undefined || data === null || data === undefined) continue;
    const converted = convert(data, member);
    if (converted !== NOT_CONVERTIBLE && deepEqual(converted, member)) return undefined;
  }
  return failed(enumFail(path, data ?? undefined, members));
}

const NOT_CONVERTIBLE = Symbol('not convertible');

/** reflect's Value.Convert of a JSON value to the type of `target`, where Go allows it. */
function convert(value: unknown, target: unknown): unknown {
  const from = kindOf(value);
  const to = kindOf(target);
  if (from === to || (from === 'slice' && to === 'slice') || (from === 'map' && to === 'map')) return value;
  if ((from === 'int' || from === 'float') && (to === 'int' || to === 'float')) {
    return to === 'int' ? Math.trunc(value as number) : value;
  }
  if (from === 'int' && to === 'string') {
    const code = value as number;
    const valid = code >= 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  }
  return NOT_CONVERTIBLE;
}
