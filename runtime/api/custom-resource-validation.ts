/**
 * The checks the apiextensions-apiserver's custom resource strategy makes on a write
 * (registry/customresource strategy.go, status_strategy.go and validator.go): the version's
 * schema (with ratcheting on updates), the scale subresource's replica and selector paths,
 * embedded resources' apiVersion and kind, and the uniqueness of x-kubernetes-list-type set and
 * map items. CEL rules (x-kubernetes-validations) are not evaluated.
 */
import { validateAgainstSchema, type JsonSchema } from './custom-resource-schema';
import { fieldDuplicate, fieldInvalid, fieldRequired, goFloat, goJson } from './field-error';
import { clone, isObject, type KubeObject } from './object';
import type { FieldError } from './resource';
import { kindOf, type Kind } from './schema-values';

/** A CRD version's scale subresource: where the replicas and the selector live. */
export interface ScaleSubresource {
  specReplicasPath?: string;
  statusReplicasPath?: string;
  labelSelectorPath?: string;
}

/** What a custom resource is checked against: its CRD version's schema and scale subresource. */
export interface CustomResourceRules {
  schema?: JsonSchema;
  scale?: ScaleSubresource;
}

/** customResourceStrategy.Validate and ValidateUpdate. */
export function validateCustomResource(
  written: KubeObject,
  previous: KubeObject | undefined,
  rules: CustomResourceRules,
) {
  // As JSON: a field set to undefined is no field.
  const object = clone(written);
  const old = clone(previous);
  const errors: FieldError[] = [];
  const { schema } = rules;
  if (schema) errors.push(...validateAgainstSchema(schema, object, undefined, old ? { value: old } : undefined));
  errors.push(...scaleSpecErrors(object, rules.scale), ...scaleStatusErrors(object, rules.scale));
  if (schema) {
    errors.push(...embeddedResourceErrors(object, schema));
    // Updates ratchet: duplicates are only an error when the old object had none.
    if (!old || listErrors(old, schema).length === 0) errors.push(...listErrors(object, schema));
  }
  return errors;
}

/** statusStrategy.ValidateUpdate: the status against the schema's `status`, under `status`. */
export function validateCustomResourceStatus(written: KubeObject, previous: KubeObject, rules: CustomResourceRules) {
  const object = clone(written);
  const old = clone(previous);
  const errors: FieldError[] = [];
  const { schema } = rules;
  const statusSchema =
    isObject(schema?.properties) && isObject(schema.properties.status) ? schema.properties.status : {};
  if (Object.hasOwn(object, 'status')) {
    errors.push(...validateAgainstSchema(statusSchema, object.status, 'status', { value: old.status }));
  }
  errors.push(...scaleStatusErrors(object, rules.scale));
  if (schema) {
    const fresh = listErrors(object, schema);
    if (fresh.length > 0 && listErrors(old, schema).length === 0) errors.push(...fresh);
  }
  return errors;
}

const MAX_INT32 = 2147483647;

/** Go's type name for each kind of decoded JSON value. */
const GO_TYPES: Record<Kind, string> = {
  string: 'string',
  bool: 'bool',
  int: 'int64',
  float: 'float64',
  slice: '[]interface {}',
  map: 'map[string]interface {}',
};

/** Go's %T of a JSON value, as the unstructured accessors name it in their errors. */
const goType = (value: unknown): string => GO_TYPES[kindOf(value)];

/** Go's %v of a JSON value. */
function goPrint(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : goFloat(value);
  if (typeof value === 'boolean') return String(value);
  return goJson(value);
}

/**
 * unstructured.NestedFieldNoCopy and the typed accessors: the value at a `.a.b` path, undefined
 * when missing, or an accessor error when the path crosses a non-object or the value's type is
 * not `expected`.
 */
function nested(object: KubeObject, path: string, expected: 'int64' | 'string'): { value?: unknown; error?: string } {
  const fields = path.replace(/^\./, '').split('.');
  let current: unknown = object;
  for (let i = 0; i < fields.length; i++) {
    if (current === null || current === undefined) return {};
    if (!isObject(current)) {
      const at = `.${fields.slice(0, i).join('.')}`;
      return {
        error: `${at} accessor error: ${goPrint(current)} is of the type ${goType(current)}, expected map[string]interface{}`,
      };
    }
    if (!Object.hasOwn(current, fields[i])) return {};
    current = current[fields[i]];
  }
  const ok =
    expected === 'int64' ? typeof current === 'number' && Number.isInteger(current) : typeof current === 'string';
  if (!ok) {
    return {
      error: `.${fields.join('.')} accessor error: ${goPrint(current)} is of the type ${goType(current)}, expected ${expected}`,
    };
  }
  return { value: current };
}

function replicasErrors(object: KubeObject, path: string | undefined): FieldError[] {
  if (!path) return [];
  const { value, error } = nested(object, path, 'int64');
  if (error) return [fieldInvalid(path, 0, error)];
  const replicas = typeof value === 'number' ? value : 0;
  if (replicas < 0) return [fieldInvalid(path, replicas, 'should be a non-negative integer')];
  if (replicas > MAX_INT32) return [fieldInvalid(path, replicas, `should be less than or equal to ${MAX_INT32}`)];
  return [];
}

/** ValidateScaleSpec: the spec replicas are a non-negative int32. */
function scaleSpecErrors(object: KubeObject, scale: ScaleSubresource | undefined): FieldError[] {
  return scale ? replicasErrors(object, scale.specReplicasPath) : [];
}

/** ValidateScaleStatus: the status replicas are a non-negative int32, the selector a string. */
function scaleStatusErrors(object: KubeObject, scale: ScaleSubresource | undefined): FieldError[] {
  if (!scale) return [];
  const errors = replicasErrors(object, scale.statusReplicasPath);
  if (scale.labelSelectorPath) {
    const { error } = nested(object, scale.labelSelectorPath, 'string');
    if (error) errors.push(fieldInvalid(scale.labelSelectorPath, '', error));
  }
  return errors;
}

const child = (path: string, name: string): string => (path ? `${path}.${name}` : name);

/** schema/objectmeta Validate: embedded resources (x-kubernetes-embedded-resource) need apiVersion and kind. */
function embeddedResourceErrors(value: unknown, schema: JsonSchema | undefined, path = ''): FieldError[] {
  if (!schema) return [];
  const errors: FieldError[] = [];
  if (Array.isArray(value)) {
    const items = isObject(schema.items) ? schema.items : undefined;
    value.forEach((item, i) => errors.push(...embeddedResourceErrors(item, items, `${path}[${i}]`)));
  } else if (isObject(value)) {
    if (schema['x-kubernetes-embedded-resource'] === true) errors.push(...embeddedTypeMetaErrors(value, path));
    const properties = isObject(schema.properties) ? schema.properties : {};
    const additional = isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
    for (const [key, item] of Object.entries(value)) {
      if (Object.hasOwn(properties, key) && isObject(properties[key])) {
        errors.push(...embeddedResourceErrors(item, properties[key], child(path, key)));
      } else if (schema.additionalProperties !== undefined) {
        errors.push(...embeddedResourceErrors(item, additional, `${path}[${key}]`));
      }
    }
  }
  return errors;
}

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** The problems with a DNS-1035 label (apimachinery IsDNS1035Label). */
export function dns1035LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(value)) errors.push(DNS1035_MESSAGE);
  return errors;
}

function embeddedTypeMetaErrors(value: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!Object.hasOwn(value, 'apiVersion')) errors.push(fieldRequired(child(path, 'apiVersion')));
  if (!Object.hasOwn(value, 'kind')) errors.push(fieldRequired(child(path, 'kind')));
  for (const [key, item] of Object.entries(value)) {
    if (key === 'apiVersion') {
      const field = child(path, 'apiVersion');
      if (typeof item !== 'string') errors.push(fieldInvalid(field, item, 'must be a string'));
      else if (item === '') errors.push(fieldInvalid(field, item, 'must not be empty'));
      else if (item.split('/').length > 2) {
        errors.push(fieldInvalid(field, item, `unexpected GroupVersion string: ${item}`));
      }
    } else if (key === 'kind') {
      const field = child(path, 'kind');
      if (typeof item !== 'string') errors.push(fieldInvalid(field, item, 'must be a string'));
      else if (item === '') errors.push(fieldInvalid(field, item, 'must not be empty'));
      else {
        const problems = dns1035LabelErrors(item.toLowerCase());
        if (problems.length > 0) {
          errors.push(
            fieldInvalid(field, item, `may have mixed case, but should otherwise match: ${problems.join(',')}`),
          );
        }
      }
    }
  }
  return errors;
}

/** listtype.ValidateListSetsAndMaps: set items and map keys must be unique. */
function listErrors(value: unknown, schema: JsonSchema | undefined, path = ''): FieldError[] {
  if (!schema || !isObject(value)) return [];
  const errors: FieldError[] = [];
  const additional = isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  if (additional) {
    for (const [key, item] of Object.entries(value))
      errors.push(...listValueErrors(item, additional, `${path}[${key}]`));
  }
  if (isObject(schema.properties)) {
    const properties = schema.properties;
    for (const [key, item] of Object.entries(value)) {
      if (Object.hasOwn(properties, key) && isObject(properties[key])) {
        errors.push(...listValueErrors(item, properties[key], child(path, key)));
      }
    }
  }
  return errors;
}

function listValueErrors(value: unknown, schema: JsonSchema, path: string): FieldError[] {
  if (isObject(value)) return listErrors(value, schema, path);
  if (!Array.isArray(value)) return [];
  const errors: FieldError[] = [];
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'set') {
    for (const i of repeated(value)) errors.push(fieldDuplicate(`${path}[${i}]`, value[i]));
  } else if (listType === 'map') {
    errors.push(...mapListErrors(value, schema, path));
  }
  const items = isObject(schema.items) ? schema.items : undefined;
  if (items) value.forEach((item, i) => errors.push(...listValueErrors(item, items, `${path}[${i}]`)));
  return errors;
}

/** validateListSet: the index of each value's second appearance. */
function repeated(values: readonly unknown[]): number[] {
  const seen = new Map<string, number>();
  const indices: number[] = [];
  values.forEach((value, i) => {
    const key = value === UNSPECIFIED ? 'unspecified' : `${typeof value}:${goJson(value)}`;
    const times = seen.get(key) ?? 0;
    if (times === 1) indices.push(i);
    seen.set(key, times + 1);
  });
  return indices;
}

const UNSPECIFIED = Symbol('unspecified key');

function mapListErrors(value: unknown[], schema: JsonSchema, path: string): FieldError[] {
  const index = value.findIndex((x) => x !== null && !isObject(x));
  if (index >= 0)
    return [fieldInvalid(`${path}[${index}]`, value[index], 'must be an object for an array of list-type map')];
  if (value.length <= 1) return [];
  const keyFields = (
    Array.isArray(schema['x-kubernetes-list-map-keys']) ? schema['x-kubernetes-list-map-keys'] : []
  ).map(String);
  const items = value as Array<Record<string, unknown> | null>;
  if (keyFields.length === 1) {
    const [field] = keyFields;
    const keys = items.map((x) => (x && Object.hasOwn(x, field) ? x[field] : UNSPECIFIED));
    return repeated(keys).map((i) =>
      fieldDuplicate(`${path}[${i}]`, keys[i] === UNSPECIFIED ? {} : { [field]: keys[i] }),
    );
  }
  const keys = items.map((x) => {
    const key: Record<string, unknown> = {};
    for (const field of keyFields) if (x && Object.hasOwn(x, field)) key[field] = x[field];
    return key;
  });
  return repeated(keys).map((i) => fieldDuplicate(`${path}[${i}]`, keys[i]));
}
