/** What the schema validators read: Go's kind of a JSON value, and a schema node's types, format, keywords. */
import type { JsonSchema } from './custom-resource-schema';
import { isObject } from './object';
import { isKnownFormat } from './schema-formats';

/** Go's reflect kinds, as far as JSON values have them (integral numbers decode to int64). */
export type Kind = 'string' | 'int' | 'float' | 'bool' | 'slice' | 'map';

/** The reflect kind of a decoded JSON value (null and undefined count as a map, as Go's nil interface does here). */
export function kindOf(value: unknown): Kind {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'slice';
  return 'map';
}

/** The JSON schema type and format kube-openapi infers from a value (schemaInfoForType). */
export function typeInfo(kind: Kind): [string, string] {
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
export function typesOf(schema: JsonSchema): string[] {
  if (schema['x-kubernetes-int-or-string'] === true) return ['integer', 'string'];
  return typeof schema.type === 'string' && schema.type !== '' ? [schema.type] : [];
}

/** The schema's format, or '' when the server strips it as unsupported. */
export function formatOf(schema: JsonSchema): string {
  const format = typeof schema.format === 'string' ? schema.format : '';
  return format && isKnownFormat(format) ? format : '';
}

/** A numeric keyword (maxLength, minimum, …), or undefined when unset. */
export const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** A sub-schema keyword (items, not, additionalProperties as a schema), or undefined. */
export const schemaAt = (value: unknown): JsonSchema | undefined => (isObject(value) ? value : undefined);

/** A list-of-schemas keyword (allOf, anyOf, oneOf), its non-schema entries left out. */
export const schemaList = (value: unknown): JsonSchema[] => (Array.isArray(value) ? value.filter(isObject) : []);
