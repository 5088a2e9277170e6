/**
 * Whether a CRD's openAPIV3Schema is structural, as apiextensions-apiserver 1.34 decides it
 * (apiserver/schema convert.go NewStructural, validation.go ValidateStructural, complete.go) and
 * whether its defaults validate and survive pruning (schema/defaulting/validation.go).
 */
import { prunedCopy } from './custom-resource-decode';
import { validateAgainstSchema, type JsonSchema } from './custom-resource-schema';
import { fieldForbidden, fieldInvalid, fieldRequired } from './field-error';
import { deepEqual, isObject } from './object';
import type { FieldError } from './resource';
import { goRegExp } from './schema-formats';
import { schemaAt, schemaList } from './schema-values';

const entries = (value: unknown): Array<[string, JsonSchema]> =>
  isObject(value) ? Object.entries(value).map(([k, v]) => [k, isObject(v) ? v : {}]) : [];
const nonEmpty = (value: unknown): boolean =>
  Array.isArray(value) ? value.length > 0 : isObject(value) ? Object.keys(value).length > 0 : false;
const key = (path: string, k: string): string => `${path}[${k}]`;

/** The error NewStructural returns for a schema using what structural schemas cannot, if any. */
export function structuralConversionError(schema: JsonSchema, nested = false): string | undefined {
  const unsupported = unsupportedField(schema);
  if (unsupported) return unsupported;
  for (const sub of [
    schemaAt(schema.not),
    ...schemaList(schema.allOf),
    ...schemaList(schema.anyOf),
    ...schemaList(schema.oneOf),
  ]) {
    const error = sub && structuralConversionError(sub, true);
    if (error) return error;
  }
  if (schema['x-kubernetes-preserve-unknown-fields'] === false) {
    return "internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined";
  }
  if (Array.isArray(schema.items)) return "OpenAPIV3Schema 'items' must be a schema, but is an array";
  const children = [
    schemaAt(schema.items),
    ...entries(schema.properties).map(([, s]) => s),
    schemaAt(schema.additionalProperties),
  ];
  for (const child of children) {
    const error = child && structuralConversionError(child, nested);
    if (error) return error;
  }
  return undefined;
}

function unsupportedField(s: JsonSchema): string | undefined {
  if (typeof s.id === 'string' && s.id !== '') return "OpenAPIV3Schema 'id' is not supported";
  if (typeof s.$schema === 'string' && s.$schema !== '') return "OpenAPIV3Schema 'schema' is not supported";
  if (typeof s.$ref === 'string' && s.$ref !== '') return "OpenAPIV3Schema '$ref' is not supported";
  if (nonEmpty(s.patternProperties)) return "OpenAPIV3Schema 'patternProperties' is not supported";
  if (nonEmpty(s.dependencies)) return "OpenAPIV3Schema 'dependencies' is not supported";
  if (s.additionalItems !== undefined) return "OpenAPIV3Schema 'additionalItems' is not supported";
  if (nonEmpty(s.definitions)) return "OpenAPIV3Schema 'definitions' is not supported";
  return undefined;
}

type Level = 'root' | 'item' | 'field';

/** ValidateStructural: the invariants and completeness of a structural schema, sorted by text. */
export function validateStructural(schema: JsonSchema, path: string): FieldError[] {
  const errors = [...invariants(schema, 'root', path), ...completeness(schema, schema, path, path)];
  return errors.sort((a, b) => {
    const x = `${a.field}: ${a.message}`;
    const y = `${b.field}: ${b.message}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

const isIntOrStringAnyOf = (anyOf: unknown): boolean =>
  Array.isArray(anyOf) && deepEqual(anyOf, [{ type: 'integer' }, { type: 'string' }]);

function invariants(s: JsonSchema, level: Level, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const type = typeof s.type === 'string' ? s.type : '';
  const items = schemaAt(s.items);
  if (type === 'array' && !items) errors.push(fieldRequired(`${path}.items`, 'must be specified'));
  if (items) errors.push(...invariants(items, 'item', `${path}.items`));
  for (const [k, property] of entries(s.properties))
    errors.push(...invariants(property, 'field', key(`${path}.properties`, k)));
  if (s.additionalProperties !== undefined) {
    if (level === 'root') errors.push(fieldForbidden(`${path}.additionalProperties`, 'must not be used at the root'));
    const additional = schemaAt(s.additionalProperties);
    if (additional) errors.push(...invariants(additional, 'field', `${path}.additionalProperties`));
  }
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  if (intOrString && preserve) {
    errors.push(
      fieldInvalid(
        `${path}.x-kubernetes-preserve-unknown-fields`,
        true,
        'must be false if x-kubernetes-int-or-string is true',
      ),
    );
  }
  if (intOrString && embedded) {
    errors.push(
      fieldInvalid(
        `${path}.x-kubernetes-embedded-resource`,
        true,
        'must be false if x-kubernetes-int-or-string is true',
      ),
    );
  }
  const allOf = schemaList(s.allOf);
  errors.push(...valueValidation(s, isIntOrStringAnyOf(s.anyOf), isIntOrStringAnyOf(allOf[0]?.anyOf), level, path));
  const checkMetadata = level === 'root' || embedded;
  if (embedded && type !== 'object') {
    const detail = 'must be object if x-kubernetes-embedded-resource is true';
    errors.push(type === '' ? fieldRequired(`${path}.type`, detail) : fieldInvalid(`${path}.type`, type, detail));
  } else if (type === '' && !intOrString && !preserve) {
    const detail = {
      root: 'must not be empty at the root',
      item: 'must not be empty for specified array items',
      field: 'must not be empty for specified object fields',
    }[level];
    errors.push(fieldRequired(`${path}.type`, detail));
  }
  if (embedded && s.additionalProperties !== undefined) {
    errors.push(
      fieldForbidden(`${path}.additionalProperties`, 'must not be used if x-kubernetes-embedded-resource is set'),
    );
  }
  if (level === 'root' && type !== '' && type !== 'object') {
    errors.push(fieldInvalid(`${path}.type`, type, 'must be object at the root'));
  }
  const properties = isObject(s.properties) ? s.properties : {};
  for (const name of ['kind', 'apiVersion']) {
    const property = schemaAt(properties[name]);
    if (property && checkMetadata && property.type !== 'string') {
      errors.push(fieldInvalid(`${key(`${path}.properties`, name)}.type`, property.type ?? '', 'must be string'));
    }
  }
  const metadata = schemaAt(properties.metadata);
  if (metadata)
    errors.push(...metadataInvariants(metadata, checkMetadata, level, key(`${path}.properties`, 'metadata')));
  if (embedded && !preserve && !nonEmpty(s.properties)) {
    errors.push(
      fieldRequired(
        `${path}.properties`,
        'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields',
      ),
    );
  }
  return errors;
}

/** Whether a schema keyword holds its Go zero value (as reflect.DeepEqual sees it). */
const isZero = (value: unknown): boolean => value === undefined || value === false || value === '';

function metadataInvariants(s: JsonSchema, checkMetadata: boolean, level: Level, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (checkMetadata && s.type !== 'object') errors.push(fieldInvalid(`${path}.type`, s.type ?? '', 'must be object'));
  if (level === 'root') {
    const names = Object.keys(isObject(s.properties) ? s.properties : {});
    const onlyNames = names.length > 0 && names.every((n) => n === 'name' || n === 'generateName');
    const rest = Object.entries(s).filter(([k, v]) => {
      if (k === 'type' || k === 'default') return false;
      if (k === 'properties') return !onlyNames && names.length > 0;
      return !isZero(v);
    });
    if (rest.length > 0) {
      errors.push(
        fieldForbidden(
          path,
          'must not specify anything other than name and generateName, but metadata is implicitly specified',
        ),
      );
    }
  }
  return errors;
}

function valueValidation(v: JsonSchema, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean, level: Level, path: string) {
  const errors: FieldError[] = [];
  if (!skipAnyOf) {
    schemaList(v.anyOf).forEach((x, i) =>
      errors.push(...nestedValueValidation(x, false, level, `${path}.anyOf[${i}]`)),
    );
  }
  schemaList(v.allOf).forEach((x, i) =>
    errors.push(...nestedValueValidation(x, skipFirstAllOfAnyOf && i === 0, level, `${path}.allOf[${i}]`)),
  );
  schemaList(v.oneOf).forEach((x, i) => errors.push(...nestedValueValidation(x, false, level, `${path}.oneOf[${i}]`)));
  const not = schemaAt(v.not);
  if (not) errors.push(...nestedValueValidation(not, false, level, `${path}.not`));
  if (typeof v.pattern === 'string' && v.pattern !== '') {
    const re = goRegExp(v.pattern);
    if (re instanceof Error) {
      errors.push(
        fieldInvalid(`${path}.pattern`, v.pattern, `must be a valid regular expression, but isn't: ${re.message}`),
      );
    }
  }
  return errors;
}

const NESTED_FORBIDDEN: Array<[string, (v: unknown) => boolean, string]> = [
  ['type', (v) => typeof v === 'string' && v !== '', 'must be empty to be structural'],
  ['additionalProperties', (v) => v !== undefined && v !== false, 'must be undefined to be structural'],
  ['default', (v) => v !== undefined && v !== null, 'must be undefined to be structural'],
  ['title', (v) => typeof v === 'string' && v !== '', 'must be empty to be structural'],
  ['description', (v) => typeof v === 'string' && v !== '', 'must be empty to be structural'],
  ['nullable', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-preserve-unknown-fields', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-embedded-resource', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-int-or-string', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-list-map-keys', nonEmpty, 'must be empty to be structural'],
  ['x-kubernetes-list-type', (v) => v !== undefined && v !== null, 'must be undefined to be structural'],
  ['x-kubernetes-map-type', (v) => v !== undefined && v !== null, 'must be undefined to be structural'],
  ['x-kubernetes-validations', nonEmpty, 'must be empty to be structural'],
];

function nestedValueValidation(v: JsonSchema, skipAnyOf: boolean, level: Level, path: string): FieldError[] {
  const errors = valueValidation(v, skipAnyOf, false, level, path);
  const items = schemaAt(v.items);
  if (items) errors.push(...nestedValueValidation(items, false, level, `${path}.items`));
  for (const [k, property] of entries(v.properties)) {
    errors.push(...nestedValueValidation(property, false, 'field', key(`${path}.properties`, k)));
  }
  for (const [name, forbidden, detail] of NESTED_FORBIDDEN) {
    if (forbidden(v[name])) errors.push(fieldForbidden(`${path}.${name}`, detail));
  }
  if (isObject(v.properties) && Object.hasOwn(v.properties, 'metadata')) {
    errors.push(fieldForbidden(key(`${path}.properties`, 'metadata'), 'must not be specified in a nested context'));
  }
  return errors;
}

/** validateStructuralCompleteness: what value validations mention must exist in the structure. */
function completeness(v: JsonSchema, s: JsonSchema | undefined, sPath: string, vPath: string): FieldError[] {
  const errors: FieldError[] = [];
  const nested: Array<[JsonSchema, string]> = [];
  const not = schemaAt(v.not);
  if (not) nested.push([not, `${vPath}.not`]);
  schemaList(v.allOf).forEach((x, i) => nested.push([x, `${vPath}.allOf[${i}]`]));
  schemaList(v.anyOf).forEach((x, i) => nested.push([x, `${vPath}.anyOf[${i}]`]));
  schemaList(v.oneOf).forEach((x, i) => nested.push([x, `${vPath}.oneOf[${i}]`]));
  for (const [x, path] of nested) errors.push(...nestedCompleteness(x, s, sPath, path));
  return errors;
}

function nestedCompleteness(v: JsonSchema, s: JsonSchema | undefined, sPath: string, vPath: string): FieldError[] {
  if (!s) return [fieldRequired(sPath, `because it is defined in ${vPath}`)];
  const errors = completeness(v, s, sPath, vPath);
  const items = schemaAt(v.items);
  if (items) errors.push(...nestedCompleteness(items, schemaAt(s.items), `${sPath}.items`, `${vPath}.items`));
  const structure = isObject(s.properties) ? s.properties : {};
  for (const [k, property] of entries(v.properties)) {
    const sField = schemaAt(structure[k]);
    if (!sField) {
      errors.push(
        fieldRequired(key(`${sPath}.properties`, k), `because it is defined in ${key(`${vPath}.properties`, k)}`),
      );
    } else
      errors.push(
        ...nestedCompleteness(property, sField, key(`${sPath}.properties`, k), key(`${vPath}.properties`, k)),
      );
  }
  return errors;
}

const META_FIELDS = new Set(['metadata', 'apiVersion', 'kind']);

/**
 * ValidateDefaults: each default must come through pruning unchanged and validate against its
 * schema (additionalProperties is not followed: defaults are forbidden there).
 */
export function validateDefaults(schema: JsonSchema, path: string, requirePruned: boolean): FieldError[] {
  return defaultErrors({ ...schema, 'x-kubernetes-embedded-resource': true }, path, false, requirePruned);
}

function defaultErrors(s: JsonSchema, path: string, insideMeta: boolean, requirePruned: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  const inMeta = embedded ? false : insideMeta;
  if (s.default !== undefined && s.default !== null) {
    if (!inMeta && requirePruned && !deepEqual(prunedCopy(s.default, s), s.default)) {
      errors.push(fieldInvalid(`${path}.default`, s.default, 'must not have unknown fields'));
    }
    errors.push(...validateAgainstSchema(s, s.default, `${path}.default`));
  }
  const items = schemaAt(s.items);
  if (items) errors.push(...defaultErrors(items, `${path}.items`, inMeta, requirePruned));
  for (const [k, property] of entries(s.properties)) {
    const subInsideMeta = inMeta || (embedded && META_FIELDS.has(k));
    errors.push(...defaultErrors(property, key(`${path}.properties`, k), subInsideMeta, requirePruned));
  }
  return errors;
}
