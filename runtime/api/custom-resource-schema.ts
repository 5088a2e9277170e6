/**
 * Validation of a custom resource against its CRD version's openAPIV3Schema, as Kubernetes 1.34
 * does it: kube-openapi's SchemaValidator (pkg/validation/validate at the version 1.34 vendors,
 * v0.0.0-20250710124328-f3f2b991d03b) over the schema the apiextensions-apiserver converts
 * (ConvertJSONSchemaProps: int-or-string as `integer,string`, unsupported formats dropped), its
 * errors turned into field errors (kubeOpenAPIResultToFieldErrors), and on updates validation
 * ratcheting (GA in 1.33): errors inside a part of the object that did not change are dropped.
 *
 * This file is the walk: which validators apply to a value, and the ones that descend into
 * sub-schemas (allOf/anyOf/oneOf/not, items, properties). The validators of one value are in
 * schema-scalar-validators.ts, the error texts in schema-errors.ts, the correlation with the old
 * object in schema-ratcheting.ts.
 */
import { deepEqual, isObject } from './object';
import type { FieldError } from './resource';
import {
  duplicateItems,
  failedAllOf,
  failedAnyOf,
  failedNot,
  failedOneOf,
  propertyNotAllowed,
  required,
  Result,
  toFieldError,
  tooFewItems,
  tooFewProperties,
  tooManyItems,
  tooManyProperties,
} from './schema-errors';
import { Correlation } from './schema-ratcheting';
import { validateEnum, validateFormat, validateNumber, validateString, validateType } from './schema-scalar-validators';
import { formatOf, kindOf, num, schemaAt, schemaList, typesOf } from './schema-values';

/** A node of a CRD's openAPIV3Schema, as the CRD spells it. */
export type JsonSchema = Record<string, unknown>;

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
    if (!succeeded) main.add(failedAnyOf(path));
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
      main.add(failedOneOf(path, validated));
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
    if (validated !== allOf.length) main.add(failedAllOf(path, validated));
  }
  const not = schemaAt(schema.not);
  if (not && sub(not).valid) main.add(failedNot(path));
  main.matchCount++;
  return main;
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
  if (minItems !== undefined && data.length < minItems) result.add(tooFewItems(path, minItems, data.length));
  const maxItems = num(schema.maxItems);
  if (maxItems !== undefined && data.length > maxItems) result.add(tooManyItems(path, maxItems, data.length));
  if (schema.uniqueItems === true && data.some((x, i) => data.slice(0, i).some((y) => deepEqual(x, y)))) {
    result.add(duplicateItems(path));
  }
  result.matchCount++;
  return result;
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
  if (minProperties !== undefined && size < minProperties) result.add(tooFewProperties(path, minProperties, size));
  const maxProperties = num(schema.maxProperties);
  if (maxProperties !== undefined && size > maxProperties) result.add(tooManyProperties(path, maxProperties, size));
  const properties = schemaAt(schema.properties) ?? {};
  const isProperty = (key: string): boolean => Object.hasOwn(properties, key);
  if (schema.additionalProperties === false) {
    for (const key of Object.keys(data)) {
      if (!isProperty(key)) result.add(propertyNotAllowed(path, key));
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
  const requiredKeys = Array.isArray(schema.required) ? schema.required : [];
  for (const key of requiredKeys) {
    if (typeof key === 'string' && !Object.hasOwn(data, key)) result.add(required(path, key));
  }
  return result;
}
