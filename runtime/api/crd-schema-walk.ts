/** The walk over a CRD schema's nodes: what OpenAPI v3 allows that CRDs do not, and the extensions' rules. */
import type { ValidationOptions } from './crd-validation-options';
import { extensionErrors } from './crd-schema-extensions';
import type { JsonSchema } from './custom-resource-schema';
import { fieldForbidden, fieldNotSupported } from './field-error';
import { isObject, textOf } from './object';
import type { FieldError } from './resource';

/** The OpenAPI v3 types a CRD schema may use. */
export const SCHEMA_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];

/** specStandardValidatorV3's state. */
export interface SchemaContext {
  allowDefaults: boolean;
  disallowDefaultsReason: string;
  insideResourceMeta: boolean;
  requireValidPropertyType: boolean;
}

const META_PROPERTIES = new Set(['metadata', 'kind', 'apiVersion']);

/** ValidateCustomResourceDefinitionOpenAPISchema, without the CEL compilation. */
export function openApiSchemaErrors(
  schema: JsonSchema,
  path: string,
  ssv: SchemaContext,
  isRoot: boolean,
  opts: ValidationOptions,
): FieldError[] {
  const errors: FieldError[] = [...standardErrors(schema, path, ssv)];
  const recurse = (s: unknown, p: string, context: SchemaContext = ssv): void => {
    if (isObject(s)) errors.push(...openApiSchemaErrors(s, p, context, false, opts));
  };
  if (schema.uniqueItems === true) {
    errors.push(
      fieldForbidden(
        `${path}.uniqueItems`,
        'uniqueItems cannot be set to true since the runtime complexity becomes quadratic',
      ),
    );
  }
  const properties = isObject(schema.properties) ? schema.properties : {};
  const hasProperties = Object.keys(properties).length > 0;
  if (schema.additionalProperties !== undefined) {
    if (hasProperties && (schema.additionalProperties === false || isObject(schema.additionalProperties))) {
      errors.push(
        fieldForbidden(`${path}.additionalProperties`, 'additionalProperties and properties are mutual exclusive'),
      );
    }
    const sub = ssv.insideResourceMeta
      ? {
          ...ssv,
          allowDefaults: false,
          disallowDefaultsReason: 'inside additionalProperties applying to object metadata',
        }
      : ssv;
    recurse(schema.additionalProperties, `${path}.additionalProperties`, sub);
  }
  for (const [name, property] of Object.entries(properties)) {
    let sub = ssv;
    if ((isRoot || schema['x-kubernetes-embedded-resource'] === true) && META_PROPERTIES.has(name)) {
      sub = { ...sub, insideResourceMeta: true };
      if (isRoot) sub = { ...sub, allowDefaults: false, disallowDefaultsReason: `in top-level ${name}` };
    }
    recurse(property, `${path}.properties[${name}]`, sub);
  }
  recurse(schema.not, `${path}.not`);
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((s, i) => recurse(s, `${path}.${keyword}[${i}]`));
  }
  if (isObject(schema.definitions)) {
    for (const [name, s] of Object.entries(schema.definitions)) recurse(s, `${path}.definitions[${name}]`);
  }
  if (isObject(schema.items)) recurse(schema.items, `${path}.items`);
  else if (Array.isArray(schema.items)) schema.items.forEach((s, i) => recurse(s, `${path}.items[${i}]`));
  if (isObject(schema.dependencies)) {
    for (const [name, s] of Object.entries(schema.dependencies)) recurse(s, `${path}.dependencies[${name}]`);
  }
  errors.push(...extensionErrors(schema, path, opts));
  return errors;
}

/** specStandardValidatorV3.validate: what OpenAPI v3 allows that CRD schemas do not. */
function standardErrors(schema: JsonSchema, path: string, ssv: SchemaContext): FieldError[] {
  const errors: FieldError[] = [];
  const type = textOf(schema.type);
  if (ssv.requireValidPropertyType && type !== '' && !SCHEMA_TYPES.includes(type)) {
    errors.push(fieldNotSupported(`${path}.type`, type, SCHEMA_TYPES));
  }
  if (schema.default !== undefined && schema.default !== null && !ssv.allowDefaults) {
    const reason = ssv.disallowDefaultsReason ? ` ${ssv.disallowDefaultsReason}` : '';
    errors.push(fieldForbidden(`${path}.default`, `must not be set${reason}`));
  }
  if (typeof schema.id === 'string' && schema.id !== '')
    errors.push(fieldForbidden(`${path}.id`, 'id is not supported'));
  if (schema.additionalItems !== undefined) {
    errors.push(fieldForbidden(`${path}.additionalItems`, 'additionalItems is not supported'));
  }
  const nonEmpty = (v: unknown): boolean => isObject(v) && Object.keys(v).length > 0;
  if (nonEmpty(schema.patternProperties)) {
    errors.push(fieldForbidden(`${path}.patternProperties`, 'patternProperties is not supported'));
  }
  if (nonEmpty(schema.definitions)) errors.push(fieldForbidden(`${path}.definitions`, 'definitions is not supported'));
  if (schema.dependencies !== undefined && schema.dependencies !== null) {
    errors.push(fieldForbidden(`${path}.dependencies`, 'dependencies is not supported'));
  }
  if (typeof schema.$ref === 'string') errors.push(fieldForbidden(`${path}.$ref`, '$ref is not supported'));
  if (type === 'null') {
    errors.push(fieldForbidden(`${path}.type`, 'type cannot be set to null, use nullable as an alternative'));
  }
  if (Array.isArray(schema.items) && schema.items.length > 0) {
    errors.push(fieldForbidden(`${path}.items`, 'items must be a schema object and not an array'));
  }
  if (ssv.insideResourceMeta && schema['x-kubernetes-embedded-resource'] === true) {
    errors.push(fieldForbidden(`${path}.x-kubernetes-embedded-resource`, 'must not be used inside of resource meta'));
  }
  return errors;
}
