/**
 * Validation of a custom resource against its CRD version's openAPIV3Schema, as Kubernetes 1.34
 * does it: kube-openapi's SchemaValidator (pkg/validation/validate at the version 1.34 vendors,
 * v0.0.0-20250710124328-f3f2b991d03b) over the schema the apiextensions-apiserver converts
 * (ConvertJSONSchemaProps: int-or-string as `integer,string`, unsupported formats dropped), its
 * errors turned into field errors (kubeOpenAPIResultToFieldErrors), and on updates validation
 * ratcheting (GA in 1.33): errors inside a part of the object that did not change are dropped.
 */
import { isObject } from './object';
import {
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  fieldTooLong,
  fieldTooMany,
  fieldTypeInvalid,
  goFloat,
  goJson,
  goQuote,
} from './field-error';
import type { FieldError } from './resource';
import { goRegExp, isKnownFormat, matchesFormat } from './schema-formats';

/** A node of a CRD's openAPIV3Schema, as the CRD spells it. */
export type JsonSchema = Record<string, unknown>;

/** The kinds of failure kube-openapi reports (errors/schema.go codes). */
type Code =
  | 'type'
  | 'required'
  | 'tooLong'
  | 'tooShort'
  | 'pattern'
  | 'enum'
  | 'multipleOf'
  | 'max'
  | 'min'
  | 'unique'
  | 'maxItems'
  | 'minItems'
  | 'tooFewProperties'
  | 'tooManyProperties'
  | 'unallowedProperty'
  | 'multipleOfMustBePositive'
  | 'composite';

/** One failure: errors.Validation (a path in `name`), or a composite message without a field. */
interface OpenApiError {
  code: Code;
  name: string;
  /** Go's nil is undefined. */
  value?: unknown;
  valid?: number;
  values?: unknown[];
  message: string;
}

/** validate.Result: the errors (each message once) and the match count anyOf/oneOf compare. */
class Result {
  errors: OpenApiError[] = [];
  matchCount = 0;

  add(...errors: OpenApiError[]): void {
    for (const error of errors) {
      if (!this.errors.some((e) => e.message === error.message)) this.errors.push(error);
    }
  }

  merge(...others: (Result | undefined)[]): this {
    for (const other of others) {
      if (!other) continue;
      this.add(...other.errors);
      this.matchCount += other.matchCount;
    }
    return this;
  }

  get valid(): boolean {
    return this.errors.length === 0;
  }
}

const failed = (error: OpenApiError): Result => {
  const result = new Result();
  result.add(error);
  return result;
};

const IN = 'body';

/** Go's reflect kinds, as far as JSON values have them (integral numbers decode to int64). */
type Kind = 'string' | 'int' | 'float' | 'bool' | 'slice' | 'map';

function kindOf(value: unknown): Kind {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'slice';
  return 'map';
}

/** The JSON schema type and format kube-openapi infers from a value (schemaInfoForType). */
function typeInfo(kind: Kind): [string, string] {
  switch (kind) {
    case 'int':
      return ['integer', 'int64'];
    case 'float':
      return ['number', 'float64'];
    case 'bool':
      return ['boolean', ''];
    case 'slice':
      return ['array', ''];
    case 'map':
      return ['object', ''];
    default:
      return ['string', ''];
  }
}

/** The schema's types after conversion: int-or-string is `integer` or `string`. */
function typesOf(schema: JsonSchema): string[] {
  if (schema['x-kubernetes-int-or-string'] === true) return ['integer', 'string'];
  return typeof schema.type === 'string' && schema.type !== '' ? [schema.type] : [];
}

/** The schema's format, or '' when the server strips it as unsupported. */
function formatOf(schema: JsonSchema): string {
  const format = typeof schema.format === 'string' ? schema.format : '';
  return format && isKnownFormat(format) ? format : '';
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const schemaAt = (value: unknown): JsonSchema | undefined => (isObject(value) ? value : undefined);
const schemaList = (value: unknown): JsonSchema[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** The old value a part of the new object is compared with (common.CorrelatedObject). */
class Correlation {
  private equal?: boolean;
  private readonly children = new Map<string | number, Correlation | undefined>();

  constructor(
    readonly value: unknown,
    readonly old: unknown,
    readonly schema: JsonSchema,
  ) {}

  key(field: string): Correlation | undefined {
    if (this.children.has(field)) return this.children.get(field);
    let child: Correlation | undefined;
    if (isObject(this.value) && isObject(this.old) && field in this.value && field in this.old) {
      const properties = schemaAt(this.schema.properties) ?? {};
      const property = Object.hasOwn(properties, field) ? schemaAt(properties[field]) : undefined;
      const additional = schemaAt(this.schema.additionalProperties);
      const schema = property ?? additional;
      if (schema) child = new Correlation(this.value[field], this.old[field], schema);
    }
    this.children.set(field, child);
    return child;
  }

  index(i: number): Correlation | undefined {
    if (this.children.has(i)) return this.children.get(i);
    let child: Correlation | undefined;
    const items = schemaAt(this.schema.items);
    if (Array.isArray(this.value) && Array.isArray(this.old) && i < this.value.length && items) {
      // Only the items of map lists correlate, by their keys.
      if (this.schema['x-kubernetes-list-type'] === 'map') {
        const old = this.mapListEntry(this.value[i]);
        if (old !== undefined) child = new Correlation(this.value[i], old, items);
      }
    }
    this.children.set(i, child);
    return child;
  }

  private mapListEntry(element: unknown): unknown {
    const keys = Array.isArray(this.schema['x-kubernetes-list-map-keys'])
      ? (this.schema['x-kubernetes-list-map-keys'] as unknown[])
      : [];
    const keyOf = (item: unknown): string | undefined =>
      isObject(item) ? JSON.stringify(keys.map((k) => item[String(k)] ?? null)) : undefined;
    const wanted = keyOf(element);
    if (wanted === undefined) return undefined;
    return (this.old as unknown[]).find((item) => keyOf(item) === wanted);
  }

  /** CachedDeepEqual: whether this part is unchanged, comparing only what the schema knows. */
  unchanged(): boolean {
    this.equal ??= this.compare();
    return this.equal;
  }

  private compare(): boolean {
    const { value, old } = this;
    if ((value ?? null) === null || (old ?? null) === null) return (value ?? null) === (old ?? null);
    if (Array.isArray(value) !== Array.isArray(old) || isObject(value) !== isObject(old)) return false;
    if (Array.isArray(value) && Array.isArray(old)) {
      if (value.length !== old.length) return false;
      for (let i = 0; i < value.length; i++) {
        const child = this.index(i);
        if (!child) return this.schema['x-kubernetes-list-type'] === 'map' ? false : deepEqual(old, value);
        if (!child.unchanged()) return false;
      }
      return true;
    }
    if (isObject(value) && isObject(old)) {
      if (Object.keys(value).length !== Object.keys(old).length) return false;
      return Object.keys(value).every((k) => this.key(k)?.unchanged() ?? false);
    }
    return deepEqual(old, value);
  }
}

/** reflect.DeepEqual on JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * One validation of a value at `path` (validate.SchemaValidator). With a correlation (an update),
 * a part equal to its old value has its errors dropped (the ratcheting validator).
 */
function validateValue(schema: JsonSchema, data: unknown, path: string, correlation?: Correlation): Result {
  const result = validateNode(schema, data, path, correlation);
  if (correlation && !result.valid && correlation.unchanged()) {
    const ratcheted = new Result();
    ratcheted.matchCount = result.matchCount;
    return ratcheted;
  }
  return result;
}

function validateNode(schema: JsonSchema, data: unknown, path: string, correlation?: Correlation): Result {
  const result = new Result();
  if (data === null || data === undefined) {
    result.merge(validateType(schema, data, path));
    result.merge(validateEnum(schema, data, path));
    return result;
  }
  const kind = kindOf(data);
  const types = typesOf(schema);
  const format = formatOf(schema);
  const validators: Array<[boolean, () => Result | undefined]> = [
    [types.length > 0 || format !== '', () => validateType(schema, data, path)],
    [true, () => validateSchemaProps(schema, data, path, correlation)],
    [kind === 'string', () => validateString(schema, data as string, path)],
    [kind === 'string' && format !== '', () => validateFormat(format, data as string, path)],
    [kind === 'int' || kind === 'float', () => validateNumber(schema, data as number, path)],
    [kind === 'slice', () => validateSlice(schema, data as unknown[], path, correlation)],
    [true, () => validateEnum(schema, data, path)],
    [kind === 'map', () => validateObject(schema, data as Record<string, unknown>, path, correlation)],
  ];
  for (const [applies, validate] of validators) {
    if (!applies) continue;
    result.merge(validate());
    result.matchCount++;
  }
  result.matchCount++;
  return result;
}

function invalidType(path: string, typeName: string, value: string): OpenApiError {
  return {
    code: 'type',
    name: path,
    value,
    message: `${path} in ${IN} must be of type ${typeName}: ${goQuote(value)}`,
  };
}

/** typeValidator: the value's JSON type against the schema's type (and nullable). */
function validateType(schema: JsonSchema, data: unknown, path: string): Result {
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

/** schemaPropsValidator: allOf, anyOf, oneOf and not. */
function validateSchemaProps(schema: JsonSchema, data: unknown, path: string, correlation?: Correlation): Result {
  const main = new Result();
  const sub = (s: JsonSchema): Result => validateNode(s, data, path, correlation);
  const anyOf = schemaList(schema.anyOf);
  if (anyOf.length > 0) {
    let best: Result | undefined;
    let firstSuccess: Result | undefined;
    let succeeded = false;
    for (const s of anyOf) {
      const result = sub(s);
      if (result.valid) {
        best = undefined;
        succeeded = true;
        firstSuccess ??= result;
        break;
      }
      if (!best || result.matchCount > best.matchCount) best = result;
    }
    if (!succeeded) main.add(composite(`${goQuote(path)} must validate at least one schema (anyOf)`));
    main.merge(best ?? firstSuccess);
  }
  const oneOf = schemaList(schema.oneOf);
  if (oneOf.length > 0) {
    let best: Result | undefined;
    let firstSuccess: Result | undefined;
    let validated = 0;
    for (const s of oneOf) {
      const result = sub(s);
      if (result.valid) {
        validated++;
        best = undefined;
        firstSuccess ??= result;
        continue;
      }
      if (validated === 0 && (!best || result.matchCount > best.matchCount)) best = result;
    }
    if (validated !== 1) {
      const detail = validated === 0 ? 'Found none valid' : `Found ${validated} valid alternatives`;
      main.add(composite(`${goQuote(path)} must validate one and only one schema (oneOf). ${detail}`));
      main.merge(best);
    } else main.merge(firstSuccess);
  }
  const allOf = schemaList(schema.allOf);
  if (allOf.length > 0) {
    let validated = 0;
    for (const s of allOf) {
      const result = sub(s);
      if (result.valid) validated++;
      main.merge(result);
    }
    if (validated !== allOf.length) {
      main.add(
        composite(`${goQuote(path)} must validate all the schemas (allOf)${validated === 0 ? '. None validated' : ''}`),
      );
    }
  }
  const not = schemaAt(schema.not);
  if (not && sub(not).valid) main.add(composite(`${goQuote(path)} must not validate the schema (not)`));
  main.matchCount++;
  return main;
}

const composite = (message: string): OpenApiError => ({ code: 'composite', name: '', message });

/** stringValidator: maxLength, minLength and pattern, stopping at the first failure. */
function validateString(schema: JsonSchema, data: string, path: string): Result | undefined {
  const length = [...data].length;
  const maxLength = num(schema.maxLength);
  if (maxLength !== undefined && length > maxLength) {
    return failed({
      code: 'tooLong',
      name: path,
      value: data,
      valid: maxLength,
      message: `${path} in ${IN} should be at most ${maxLength} chars long`,
    });
  }
  const minLength = num(schema.minLength);
  if (minLength !== undefined && length < minLength) {
    return failed({
      code: 'tooShort',
      name: path,
      value: data,
      valid: minLength,
      message: `${path} in ${IN} should be at least ${minLength} chars long`,
    });
  }
  if (typeof schema.pattern === 'string' && schema.pattern !== '') {
    const re = goRegExp(schema.pattern);
    const shown = re instanceof Error ? `${schema.pattern}, but pattern is invalid: ${re.message}` : schema.pattern;
    if (re instanceof Error || !re.test(data)) {
      return failed({ code: 'pattern', name: path, value: data, message: `${path} in ${IN} should match '${shown}'` });
    }
  }
  return undefined;
}

/** formatValidator: the value against the schema's (supported) format. */
function validateFormat(format: string, data: string, path: string): Result | undefined {
  return matchesFormat(format, data) ? undefined : failed(invalidType(path, format, data));
}

/**
 * numberValidator: multipleOf, minimum and maximum, compared as int64 for integers (the bound
 * truncated) and as float64 otherwise.
 */
function validateNumber(schema: JsonSchema, data: number, path: string): Result {
  const result = new Result();
  const isInt = Number.isInteger(data);
  const show = (n: number): string => (isInt ? String(n) : goFloat(n));
  const bound = (n: number): number => (isInt ? Math.trunc(n) : n);
  const multipleOf = num(schema.multipleOf);
  const multiple = new Result();
  if (multipleOf !== undefined) {
    const factor = bound(multipleOf);
    if (factor <= 0) {
      multiple.add({
        code: 'multipleOfMustBePositive',
        name: path,
        value: factor,
        message: `factor MultipleOf declared for ${path} must be positive: ${show(factor)}`,
      });
    } else {
      const quotient = isInt ? data / factor : factor < 1 ? (1 / factor) * data : data / factor;
      if (!(isInt ? Number.isInteger(quotient) : isJsonInteger(quotient))) {
        multiple.add({
          code: 'multipleOf',
          name: path,
          value: data,
          message: `${path} in ${IN} should be a multiple of ${show(factor)}`,
        });
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
      min.add({
        code: 'min',
        name: path,
        value: data,
        message: `${path} in ${IN} should be ${relation} ${show(limit)}`,
      });
    }
  }
  const maximum = num(schema.maximum);
  const max = new Result();
  if (maximum !== undefined) {
    const limit = bound(maximum);
    const exclusive = schema.exclusiveMaximum === true;
    if (exclusive ? data >= limit : data > limit) {
      const relation = exclusive ? 'less than' : 'less than or equal to';
      max.add({
        code: 'max',
        name: path,
        value: data,
        message: `${path} in ${IN} should be ${relation} ${show(limit)}`,
      });
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

/** schemaSliceValidator: the items, then minItems, maxItems and uniqueItems. */
function validateSlice(schema: JsonSchema, data: unknown[], path: string, correlation?: Correlation): Result {
  const result = new Result();
  const items = schemaAt(schema.items);
  if (items) {
    data.forEach((item, i) => {
      result.merge(validateValue(items, item, `${path}[${i}]`, correlation?.index(i)));
    });
  }
  const minItems = num(schema.minItems);
  if (minItems !== undefined && data.length < minItems) {
    result.add({
      code: 'minItems',
      name: path,
      value: data.length,
      valid: minItems,
      message: `${path} in ${IN} should have at least ${minItems} items`,
    });
  }
  const maxItems = num(schema.maxItems);
  if (maxItems !== undefined && data.length > maxItems) {
    result.add({
      code: 'maxItems',
      name: path,
      value: data.length,
      valid: maxItems,
      message: `${path} in ${IN} should have at most ${maxItems} items`,
    });
  }
  if (schema.uniqueItems === true && data.some((x, i) => data.slice(0, i).some((y) => deepEqual(x, y)))) {
    result.add({ code: 'unique', name: path, message: `${path} in ${IN} shouldn't contain duplicates` });
  }
  result.matchCount++;
  return result;
}

/** basicCommonValidator: enum, matching after Go's type conversion of the value to each member's type. */
function validateEnum(schema: JsonSchema, data: unknown, path: string): Result | undefined {
  const members = Array.isArray(schema.enum) ? schema.enum : [];
  if (members.length === 0) return undefined;
  for (const member of members) {
    if (member === null || member === undefined || data === null || data === undefined) continue;
    const converted = convert(data, member);
    if (converted !== NOT_CONVERTIBLE && deepEqual(converted, member)) return undefined;
  }
  return failed({
    code: 'enum',
    name: path,
    value: data ?? undefined,
    values: members,
    message: `${path} in ${IN} should be one of [${members.map((m) => goJson(m)).join(' ')}]`,
  });
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

/**
 * objectValidator: minProperties, maxProperties, additionalProperties, each property, required.
 */
function validateObject(
  schema: JsonSchema,
  data: Record<string, unknown>,
  path: string,
  correlation?: Correlation,
): Result {
  const result = new Result();
  const size = Object.keys(data).length;
  const minProperties = num(schema.minProperties);
  if (minProperties !== undefined && size < minProperties) {
    result.add({
      code: 'tooFewProperties',
      name: path,
      value: size,
      valid: minProperties,
      message: `${path} in ${IN} should have at least ${minProperties} properties`,
    });
  }
  const maxProperties = num(schema.maxProperties);
  if (maxProperties !== undefined && size > maxProperties) {
    result.add({
      code: 'tooManyProperties',
      name: path,
      value: size,
      valid: maxProperties,
      message: `${path} in ${IN} should have at most ${maxProperties} properties`,
    });
  }
  const properties = schemaAt(schema.properties) ?? {};
  const isProperty = (key: string): boolean => Object.hasOwn(properties, key);
  if (schema.additionalProperties === false) {
    for (const key of Object.keys(data)) {
      if (!isProperty(key)) {
        result.add({
          code: 'unallowedProperty',
          name: path,
          value: key,
          message: `${path}.${key} in ${IN} is a forbidden property`,
        });
      }
    }
  } else {
    const additional = schemaAt(schema.additionalProperties);
    if (additional) {
      for (const [key, value] of Object.entries(data)) {
        if (!isProperty(key)) result.merge(validateValue(additional, value, `${path}.${key}`, correlation?.key(key)));
      }
    }
  }
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property) || !Object.hasOwn(data, name)) continue;
    const child = path === '' ? name : `${path}.${name}`;
    const related = path === '' && (name === 'kind' || name === 'apiVersion') ? undefined : correlation?.key(name);
    result.merge(validateValue(property, data[name], child, related));
  }
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const key of required) {
    if (typeof key === 'string' && !Object.hasOwn(data, key)) {
      result.add({ code: 'required', name: `${path}.${key}`, message: `${path}.${key} in ${IN} is required` });
    }
  }
  return result;
}

/**
 * The field errors of `value` against `schema` (ValidateCustomResource, or with `old`
 * ValidateCustomResourceUpdate with ratcheting), under `fieldPath` (none for a whole object:
 * errors without a field then print as `<nil>`, as Go's nil path does).
 */
export function validateAgainstSchema(
  schema: JsonSchema,
  value: unknown,
  fieldPath?: string,
  old?: { value: unknown },
): FieldError[] {
  const correlation = old ? new Correlation(value, old.value, schema) : undefined;
  const result = validateValue(schema, value, '', correlation);
  return result.errors.map((error) => toFieldError(error, fieldPath));
}

/** kubeOpenAPIResultToFieldErrors. */
function toFieldError(error: OpenApiError, fieldPath: string | undefined): FieldError {
  const base = fieldPath ?? '<nil>';
  if (error.code === 'composite') return fieldInvalid(base, '', error.message);
  const name = error.name.replace(/^\./, '');
  const field = error.name !== '' && error.name !== '.' ? (fieldPath ? `${fieldPath}.${name}` : name) : base;
  const value = error.value ?? '';
  switch (error.code) {
    case 'required':
      return fieldRequired(field);
    case 'enum':
      return fieldNotSupported(
        field,
        error.value ?? null,
        (error.values ?? []).map((v) => (typeof v === 'string' ? v : goJson(v))),
      );
    case 'tooLong':
      return fieldTooLong(field, error.valid ?? -1);
    case 'maxItems':
    case 'tooManyProperties':
      return fieldTooMany(field, typeof error.value === 'number' ? error.value : -1, error.valid ?? -1);
    case 'type':
      return fieldTypeInvalid(field, value, error.message);
    default:
      return fieldInvalid(field, value, error.message);
  }
}
