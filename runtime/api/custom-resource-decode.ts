/**
 * What the apiextensions-apiserver's decoder does to a custom resource, on every request body and
 * every object read from storage (customresource_handler.go unstructuredSchemaCoercer and
 * unstructuredDefaulter): structural pruning of unknown fields (schema/pruning), dropping nulls
 * the schema does not allow (PruneNonNullableNullsWithoutDefaults), then structural defaulting
 * (schema/defaulting Default).
 */
import type { JsonSchema } from './custom-resource-schema';
import { clone, isObject } from './object';
import type { OpenApiSchema } from './openapi/field-validation';
import { schemaAt } from './schema-values';

const propertiesOf = (schema: JsonSchema | undefined): Record<string, unknown> => schemaAt(schema?.properties) ?? {};
const preserves = (schema: JsonSchema): boolean => schema['x-kubernetes-preserve-unknown-fields'] === true;
const embeds = (schema: JsonSchema): boolean => schema['x-kubernetes-embedded-resource'] === true;
const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** The schema of a property, or of the map values: additionalProperties' schema (none for `true`). */
function fieldSchema(schema: JsonSchema | undefined, key: string): { schema?: JsonSchema } | undefined {
  const properties = propertiesOf(schema);
  if (Object.hasOwn(properties, key)) return { schema: schemaAt(properties[key]) };
  if (schema && schema.additionalProperties !== undefined) return { schema: schemaAt(schema.additionalProperties) };
  return undefined;
}

/** Decodes a custom resource in place against its version's structural schema. */
export function decodeCustomResource(object: Record<string, unknown>, schema: JsonSchema): void {
  pruneObject(object, { ...schema, 'x-kubernetes-embedded-resource': true });
  pruneNulls(object, schema);
  applyDefaults(object, schema);
}

/** pruning.prune: removes the fields the schema does not specify. */
function pruneObject(value: unknown, schema: JsonSchema | undefined): void {
  if (schema && preserves(schema)) return skipPrune(value, schema);
  if (Array.isArray(value)) {
    for (const item of value) pruneObject(item, schemaAt(schema?.items));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (schema && embeds(schema) && META_FIELDS.has(key)) continue;
      const field = fieldSchema(schema, key);
      if (field) pruneObject(item, field.schema);
      else delete value[key];
    }
  }
}

/** pruning.skipPrune: below x-kubernetes-preserve-unknown-fields, only known fields are pruned. */
function skipPrune(value: unknown, schema: JsonSchema): void {
  if (Array.isArray(value)) {
    const items = schemaAt(schema.items);
    if (items) for (const item of value) skipPrune(item, items);
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (embeds(schema) && META_FIELDS.has(key)) continue;
      const field = fieldSchema(schema, key);
      if (field) pruneObject(item, field.schema);
    }
  }
}

/** PruneNonNullableNullsWithoutDefaults: nulls of non-nullable fields without a default go. */
function pruneNulls(value: unknown, schema: JsonSchema | undefined): void {
  if (Array.isArray(value)) {
    for (const item of value) pruneNulls(item, schemaAt(schema?.items));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const field = fieldSchema(schema, key)?.schema;
      if (item === null && field && field.nullable !== true && field.default === undefined) delete value[key];
      else pruneNulls(item, field);
    }
  }
}

const isNonNullableNull = (value: unknown, schema: JsonSchema | undefined): schema is JsonSchema =>
  value === null && schema !== undefined && schema.nullable !== true;

/** defaulting.Default: missing fields (and non-nullable nulls) with a default get it. */
function applyDefaults(value: unknown, schema: JsonSchema | undefined): void {
  if (!schema) return;
  if (Array.isArray(value)) {
    const items = schemaAt(schema.items);
    value.forEach((item, i) => {
      if (isNonNullableNull(item, items)) value[i] = clone(items.default ?? null);
      applyDefaults(value[i], items);
    });
  } else if (isObject(value)) {
    const properties = propertiesOf(schema);
    for (const [key, property] of Object.entries(properties)) {
      if (!isObject(property) || property.default === undefined || property.default === null) continue;
      if (!Object.hasOwn(value, key) || isNonNullableNull(value[key], property)) value[key] = clone(property.default);
    }
    const additional = schemaAt(schema.additionalProperties);
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(properties, key)) applyDefaults(value[key], schemaAt(properties[key]));
      else if (schema.additionalProperties !== undefined) {
        if (isNonNullableNull(value[key], additional)) value[key] = clone(additional.default ?? null);
        applyDefaults(value[key], additional);
      }
    }
  }
}

/** A copy of `value` pruned by `schema` (a default must come through unchanged). */
export function prunedCopy(value: unknown, schema: JsonSchema): unknown {
  const copy = clone(value);
  pruneObject(copy, schema);
  return copy;
}

const FREE: OpenApiSchema = { 'x-kubernetes-preserve-unknown-fields': true };
const NOTHING: OpenApiSchema = { properties: {} };
NOTHING.items = NOTHING;

const converted = new WeakMap<JsonSchema, OpenApiSchema>();

/**
 * The schema the server-side field validation walks (openapi/field-validation's unknownFields)
 * to report what structural pruning removes: each node with the fields it keeps, `{}` properties
 * where it keeps none, and anything kept whole marked free-form.
 */
export function pruningSchema(schema: JsonSchema): OpenApiSchema {
  let result = converted.get(schema);
  if (!result) {
    result = convert({ ...schema, 'x-kubernetes-embedded-resource': true }, false);
    converted.set(schema, result);
  }
  return result;
}

function convert(schema: JsonSchema | undefined, skipping: boolean): OpenApiSchema {
  if (!schema) return skipping ? FREE : NOTHING;
  const skip = skipping || preserves(schema);
  const node: OpenApiSchema = { properties: {} };
  const properties = node.properties as Record<string, OpenApiSchema>;
  for (const [key, property] of Object.entries(propertiesOf(schema))) {
    properties[key] = convert(schemaAt(property), false);
  }
  if (embeds(schema)) for (const key of META_FIELDS) properties[key] = FREE;
  if (schema.additionalProperties !== undefined) {
    node.additionalProperties = convert(schemaAt(schema.additionalProperties), false);
  } else if (skip) node.additionalProperties = true;
  node.items = convert(schemaAt(schema.items), skip);
  return node;
}
