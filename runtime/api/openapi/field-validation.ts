/**
 * Server-side field validation (`fieldValidation=Strict|Warn`): the fields of an object that its
 * schema does not know, as the apiserver's strict JSON decoder (sigs.k8s.io/json) finds them
 * while decoding into the Go types.
 */

/** An OpenAPI v3 schema, as far as finding unknown fields needs it. */
export interface OpenApiSchema {
  type?: string;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
  $ref?: string;
  required?: string[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  [extension: string]: unknown;
}

/** Component schemas by name (`io.k8s.api.core.v1.Pod`). */
export type OpenApiSchemas = Readonly<Record<string, OpenApiSchema>>;

const REF_PREFIX = '#/components/schemas/';

/** The strict decoder stops collecting after this many errors. */
const MAX_ERRORS = 100;

/**
 * The paths of the fields of `object` that the schema `schemaName` does not know, in the
 * decoder's order and format: `spec.bogusField`, `spec.containers[0].imagePullPolicyy`,
 * `metadata.bogus`, map values as `.key`. Maps, free-form objects (an object schema with no
 * properties: RawExtension, FieldsV1, JSON) and `x-kubernetes-preserve-unknown-fields` take
 * anything; values of the wrong type are left to the type checks.
 */
export function unknownFields(schemas: OpenApiSchemas, schemaName: string, object: unknown): string[] {
  const found: string[] = [];
  walk(schemas, { $ref: REF_PREFIX + schemaName }, object, '', found);
  return [...new Set(found)].slice(0, MAX_ERRORS);
}

interface Shape {
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  items?: OpenApiSchema;
  freeForm: boolean;
}

/** A schema with its `$ref` and `allOf` followed: the properties, map values and items it allows. */
function shape(schemas: OpenApiSchemas, schema: OpenApiSchema, seen: Set<string> = new Set()): Shape {
  const result: Shape = { freeForm: schema['x-kubernetes-preserve-unknown-fields'] === true };
  const parts: OpenApiSchema[] = [schema, ...(schema.allOf ?? [])];
  if (schema.$ref) {
    const name = schema.$ref.startsWith(REF_PREFIX) ? schema.$ref.slice(REF_PREFIX.length) : schema.$ref;
    const target = schemas[name];
    // A schema we do not have cannot tell unknown fields: take anything.
    if (!target || seen.has(name)) return { freeForm: true };
    seen.add(name);
    const resolved = shape(schemas, target, seen);
    seen.delete(name);
    merge(result, resolved);
  }
  for (const part of parts.slice(1)) merge(result, shape(schemas, part, seen));
  if (schema.properties) result.properties = { ...result.properties, ...schema.properties };
  if (schema.additionalProperties !== undefined) result.additionalProperties = schema.additionalProperties;
  if (schema.items) result.items = schema.items;
  return result;
}

function merge(into: Shape, from: Shape): void {
  if (from.freeForm) into.freeForm = true;
  if (from.properties) into.properties = { ...into.properties, ...from.properties };
  if (from.additionalProperties !== undefined) into.additionalProperties = from.additionalProperties;
  if (from.items) into.items = from.items;
}

/** Shapes by schema object: resolving `$ref`s and `allOf`s once per schema, not once per value. */
const shapes = new WeakMap<OpenApiSchema, Shape>();

function cachedShape(schemas: OpenApiSchemas, schema: OpenApiSchema): Shape {
  let result = shapes.get(schema);
  if (!result) {
    result = shape(schemas, schema);
    shapes.set(schema, result);
  }
  return result;
}

function walk(schemas: OpenApiSchemas, schema: OpenApiSchema, value: unknown, path: string, found: string[]): void {
  if (value === null || typeof value !== 'object' || found.length >= MAX_ERRORS) return;
  const allowed = cachedShape(schemas, schema);
  if (allowed.freeForm) return;
  if (Array.isArray(value)) {
    const items = allowed.items;
    if (items) value.forEach((item, i) => walk(schemas, items, item, `${path}[${i}]`, found));
    return;
  }
  const child = (key: string): string => (path ? `${path}.${key}` : key);
  const { properties, additionalProperties } = allowed;
  if (!properties) {
    if (additionalProperties && typeof additionalProperties === 'object')
      for (const [key, item] of Object.entries(value)) walk(schemas, additionalProperties, item, child(key), found);
    // No properties: a map, or a free-form object (RawExtension, FieldsV1, JSON).
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const property = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (property) walk(schemas, property, item, child(key), found);
    else if (additionalProperties && typeof additionalProperties === 'object')
      walk(schemas, additionalProperties, item, child(key), found);
    else if (additionalProperties !== true) found.push(child(key));
  }
}

/**
 * Removes the fields at `paths` (as unknownFields reports them) from `object`, in place: what the
 * apiserver's decoder drops when it decodes into the Go types.
 */
export function removeFields(object: unknown, paths: readonly string[]): void {
  for (const path of paths) {
    const steps = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
    let current: unknown = object;
    for (const step of steps.slice(0, -1)) {
      current =
        current !== null && typeof current === 'object'
          ? (current as Record<string | number, unknown>)[step]
          : undefined;
    }
    const last = steps[steps.length - 1];
    if (current !== null && typeof current === 'object' && !Array.isArray(current) && typeof last === 'string') {
      delete (current as Record<string, unknown>)[last];
    }
  }
}
