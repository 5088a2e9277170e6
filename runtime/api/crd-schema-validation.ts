/**
 * The checks on one openAPIV3Schema of a CustomResourceDefinition (apiextensions-apiserver 1.34
 * validation.go validateCustomResourceDefinitionValidation and
 * ValidateCustomResourceDefinitionOpenAPISchema): the root when the status subresource is on,
 * structural schemas and their defaults (crd-structural.ts), what OpenAPI v3 allows that CRDs do
 * not, and the Kubernetes extensions (list and map types, list keys, the shape of CEL rules; the
 * rules themselves are not compiled).
 */
import { goItems, goSchema } from './crd-internal';
import { structuralConversionError, validateDefaults, validateStructural } from './crd-structural';
import type { JsonSchema } from './custom-resource-schema';
import { fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, goStrings } from './field-error';
import { isObject } from './object';
import type { FieldError } from './resource';

/** What an update may relax for definitions stored before a rule existed (validationOptions). */
export interface Options {
  requireImmutableNames: boolean;
  requireOpenAPISchema: boolean;
  requireValidPropertyType: boolean;
  requireStructuralSchema: boolean;
  requirePrunedDefaults: boolean;
  requireAtomicSetType: boolean;
  requireMapListKeysMapSetValidation: boolean;
}

/** The OpenAPI v3 types a CRD schema may use. */
export const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];

/** JSONSchemaProps' fields in their Go declaration order: keyword, Go name. */
const ROOT_FIELDS: Array<[string, string]> = [
  ['id', 'ID'],
  ['$schema', 'Schema'],
  ['$ref', 'Ref'],
  ['description', 'Description'],
  ['type', 'Type'],
  ['nullable', 'Nullable'],
  ['format', 'Format'],
  ['title', 'Title'],
  ['default', 'Default'],
  ['maximum', 'Maximum'],
  ['exclusiveMaximum', 'ExclusiveMaximum'],
  ['minimum', 'Minimum'],
  ['exclusiveMinimum', 'ExclusiveMinimum'],
  ['maxLength', 'MaxLength'],
  ['minLength', 'MinLength'],
  ['pattern', 'Pattern'],
  ['maxItems', 'MaxItems'],
  ['minItems', 'MinItems'],
  ['uniqueItems', 'UniqueItems'],
  ['multipleOf', 'MultipleOf'],
  ['enum', 'Enum'],
  ['maxProperties', 'MaxProperties'],
  ['minProperties', 'MinProperties'],
  ['required', 'Required'],
  ['items', 'Items'],
  ['allOf', 'AllOf'],
  ['oneOf', 'OneOf'],
  ['anyOf', 'AnyOf'],
  ['not', 'Not'],
  ['properties', 'Properties'],
  ['additionalProperties', 'AdditionalProperties'],
  ['patternProperties', 'PatternProperties'],
  ['dependencies', 'Dependencies'],
  ['additionalItems', 'AdditionalItems'],
  ['definitions', 'Definitions'],
  ['externalDocs', 'ExternalDocs'],
  ['example', 'Example'],
  ['x-kubernetes-preserve-unknown-fields', 'XPreserveUnknownFields'],
  ['x-kubernetes-embedded-resource', 'XEmbeddedResource'],
  ['x-kubernetes-int-or-string', 'XIntOrString'],
  ['x-kubernetes-list-map-keys', 'XListMapKeys'],
  ['x-kubernetes-list-type', 'XListType'],
  ['x-kubernetes-map-type', 'XMapType'],
  ['x-kubernetes-validations', 'XValidations'],
];

/** allowedFieldsAtRootSchema: what the root may set when the status subresource is on. */
const ALLOWED_AT_ROOT = [
  'Description',
  'Type',
  'Format',
  'Title',
  'Maximum',
  'ExclusiveMaximum',
  'Minimum',
  'ExclusiveMinimum',
  'MaxLength',
  'MinLength',
  'Pattern',
  'MaxItems',
  'MinItems',
  'UniqueItems',
  'MultipleOf',
  'Required',
  'Items',
  'Properties',
  'ExternalDocs',
  'Example',
  'XPreserveUnknownFields',
  'XValidations',
];

/** A schema keyword left at its Go zero value (reflect.DeepEqual with the zero of its field). */
const isZero = (value: unknown): boolean => value === undefined || value === null || value === false || value === '';

/** validateCustomResourceDefinitionValidation: one openAPIV3Schema (top-level or per version). */
export function validationErrors(
  validation: { openAPIV3Schema?: JsonSchema } | undefined,
  statusEnabled: boolean,
  opts: Options,
  path: string,
): FieldError[] {
  const schema = isObject(validation) && isObject(validation.openAPIV3Schema) ? validation.openAPIV3Schema : undefined;
  if (!schema) return [];
  const errors: FieldError[] = [];
  const schemaPath = `${path}.openAPIV3Schema`;
  if (statusEnabled) {
    for (const [keyword, field] of ROOT_FIELDS) {
      const value = schema[keyword];
      if (isZero(value) || (keyword === 'default' && value === null)) continue;
      if (field === 'Type') {
        if (value !== 'object') {
          errors.push(
            fieldInvalid(
              `${schemaPath}.type`,
              value,
              'only "object" is allowed as the type at the root of the schema if the status subresource is enabled',
            ),
          );
          break;
        }
        continue;
      }
      if (!ALLOWED_AT_ROOT.includes(field)) {
        errors.push(
          fieldInvalid(
            schemaPath,
            goSchema(schema),
            `only ${goStrings(ALLOWED_AT_ROOT)} fields are allowed at the root of the schema if the status subresource is enabled`,
          ),
        );
        break;
      }
    }
  }
  if (schema.nullable === true)
    errors.push(fieldForbidden(`${schemaPath}.nullable`, 'nullable cannot be true at the root'));
  let conversionErrors: FieldError[] = [];
  if (opts.requireStructuralSchema) {
    const conversion = structuralConversionError(schema);
    if (conversion) conversionErrors = [fieldInvalid(schemaPath, '', conversion)];
    else {
      const structural = validateStructural(schema, schemaPath);
      if (structural.length > 0) errors.push(...structural);
      else errors.push(...validateDefaults(schema, schemaPath, opts.requirePrunedDefaults));
    }
  }
  const ssv: SchemaContext = {
    allowDefaults: true,
    disallowDefaultsReason: '',
    insideResourceMeta: false,
    requireValidPropertyType: opts.requireValidPropertyType,
  };
  errors.push(...openApiSchemaErrors(schema, schemaPath, ssv, true, opts));
  if (errors.length === 0) errors.push(...conversionErrors);
  return errors;
}

/** specStandardValidatorV3's state. */
interface SchemaContext {
  allowDefaults: boolean;
  disallowDefaultsReason: string;
  insideResourceMeta: boolean;
  requireValidPropertyType: boolean;
}

const META_PROPERTIES = new Set(['metadata', 'kind', 'apiVersion']);

/** ValidateCustomResourceDefinitionOpenAPISchema, without the CEL compilation. */
function openApiSchemaErrors(
  schema: JsonSchema,
  path: string,
  ssv: SchemaContext,
  isRoot: boolean,
  opts: Options,
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
  const type = typeof schema.type === 'string' ? schema.type : '';
  if (ssv.requireValidPropertyType && type !== '' && !TYPES.includes(type)) {
    errors.push(fieldNotSupported(`${path}.type`, type, TYPES));
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

/** The Kubernetes extensions' rules: preserve-unknown-fields, map and list types, list keys, CEL rule shape. */
function extensionErrors(schema: JsonSchema, path: string, opts: Options): FieldError[] {
  const errors: FieldError[] = [];
  const type = typeof schema.type === 'string' ? schema.type : '';
  const mapType = schema['x-kubernetes-map-type'];
  const listType = schema['x-kubernetes-list-type'];
  const mapKeys = Array.isArray(schema['x-kubernetes-list-map-keys'])
    ? (schema['x-kubernetes-list-map-keys'] as string[])
    : [];
  if (schema['x-kubernetes-preserve-unknown-fields'] === false) {
    errors.push(fieldInvalid(`${path}.x-kubernetes-preserve-unknown-fields`, false, 'must be true or undefined'));
  }
  if (typeof mapType === 'string' && type !== 'object') {
    const detail = 'must be object if x-kubernetes-map-type is specified';
    errors.push(type === '' ? fieldRequired(`${path}.type`, detail) : fieldInvalid(`${path}.type`, type, detail));
  }
  if (typeof mapType === 'string' && mapType !== 'atomic' && mapType !== 'granular') {
    errors.push(fieldNotSupported(`${path}.x-kubernetes-map-type`, mapType, ['atomic', 'granular']));
  }
  if (typeof listType === 'string' && type !== 'array') {
    const detail = 'must be array if x-kubernetes-list-type is specified';
    errors.push(type === '' ? fieldRequired(`${path}.type`, detail) : fieldInvalid(`${path}.type`, type, detail));
  } else if (opts.requireAtomicSetType) errors.push(...setItemErrors(schema, path));
  if (typeof listType === 'string' && !['atomic', 'set', 'map'].includes(listType)) {
    errors.push(fieldNotSupported(`${path}.x-kubernetes-list-type`, listType, ['atomic', 'set', 'map']));
  }
  if (mapKeys.length > 0) {
    if (typeof listType !== 'string') {
      errors.push(
        fieldRequired(`${path}.x-kubernetes-list-type`, 'must be map if x-kubernetes-list-map-keys is non-empty'),
      );
    } else if (listType !== 'map') {
      errors.push(
        fieldInvalid(
          `${path}.x-kubernetes-list-type`,
          listType,
          'must be map if x-kubernetes-list-map-keys is non-empty',
        ),
      );
    }
  }
  if (listType === 'map') errors.push(...mapListErrors(schema, path, mapKeys));
  if (opts.requireMapListKeysMapSetValidation) errors.push(...mapSetErrors(schema, path));
  errors.push(...celRuleShapeErrors(schema, path));
  return errors;
}

/** A set's items must be atomic (requireAtomicSetType). */
export function setItemErrors(schema: JsonSchema, path: string): FieldError[] {
  const items = isObject(schema.items) ? schema.items : undefined;
  if (schema['x-kubernetes-list-type'] !== 'set' || !items) return [];
  const detail = 'must be atomic as item of a list with x-kubernetes-list-type=set';
  if (
    items.type === 'array' &&
    typeof items['x-kubernetes-list-type'] === 'string' &&
    items['x-kubernetes-list-type'] !== 'atomic'
  ) {
    return [fieldInvalid(`${path}.items.x-kubernetes-list-type`, items['x-kubernetes-list-type'], detail)];
  }
  if (items.type === 'object' && items['x-kubernetes-map-type'] !== 'atomic') {
    // Upstream prints the items' list type here, not their map type.
    return [fieldInvalid(`${path}.items.x-kubernetes-map-type`, items['x-kubernetes-list-type'] ?? null, detail)];
  }
  return [];
}

function mapListErrors(schema: JsonSchema, path: string, mapKeys: string[]): FieldError[] {
  const errors: FieldError[] = [];
  if (mapKeys.length === 0) {
    errors.push(
      fieldRequired(`${path}.x-kubernetes-list-map-keys`, 'must not be empty if x-kubernetes-list-type is map'),
    );
  }
  if (schema.items === undefined) {
    errors.push(fieldRequired(`${path}.items`, 'must have a schema if x-kubernetes-list-type is map'));
    return errors;
  }
  if (!isObject(schema.items)) {
    errors.push(
      fieldInvalid(
        `${path}.items`,
        goItems(schema.items),
        'must only have a single schema if x-kubernetes-list-type is map',
      ),
    );
    return errors;
  }
  const items = schema.items;
  const itemType = typeof items.type === 'string' ? items.type : '';
  if (itemType !== 'object') {
    errors.push(
      fieldInvalid(`${path}.items.type`, itemType, "must be object if parent array's x-kubernetes-list-type is map"),
    );
    return errors;
  }
  const properties = isObject(items.properties) ? items.properties : {};
  const seen = new Set<string>();
  for (const key of mapKeys) {
    const property = properties[key];
    if (isObject(property)) {
      if (property.type === 'array' || property.type === 'object') {
        errors.push(
          fieldInvalid(
            `${path}.items.properties[${key}].type`,
            itemType,
            "must be a scalar type if parent array's x-kubernetes-list-type is map",
          ),
        );
      }
    } else {
      errors.push(
        fieldInvalid(`${path}.x-kubernetes-list-map-keys`, mapKeys, 'entries must all be names of item properties'),
      );
    }
    if (seen.has(key))
      errors.push(fieldInvalid(`${path}.x-kubernetes-list-map-keys`, mapKeys, 'must not contain duplicate entries'));
    seen.add(key);
  }
  return errors;
}

/** validateMapListKeysMapSet: set and map items are not nullable; map keys are required or defaulted. */
export function mapSetErrors(schema: JsonSchema, path: string): FieldError[] {
  const items = isObject(schema.items) ? schema.items : undefined;
  const listType = schema['x-kubernetes-list-type'];
  if (!items || (listType !== 'set' && listType !== 'map')) return [];
  const errors: FieldError[] = [];
  if (items.nullable === true) {
    errors.push(
      fieldForbidden(`${path}.items.nullable`, `cannot be nullable when x-kubernetes-list-type is ${listType}`),
    );
  }
  if (listType === 'map') {
    const required = Array.isArray(items.required) ? items.required : [];
    const properties = isObject(items.properties) ? items.properties : {};
    const keys = Array.isArray(schema['x-kubernetes-list-map-keys']) ? schema['x-kubernetes-list-map-keys'] : [];
    for (const key of keys.map(String)) {
      const property = properties[key];
      if (!isObject(property)) continue;
      if (!required.includes(key) && (property.default === undefined || property.default === null)) {
        errors.push(
          fieldRequired(
            `${path}.items.properties[${key}].default`,
            'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property',
          ),
        );
      }
      if (property.nullable === true) {
        errors.push(
          fieldForbidden(
            `${path}.items.properties[${key}].nullable`,
            'this property is in x-kubernetes-list-map-keys, so it cannot be nullable',
          ),
        );
      }
    }
  }
  return errors;
}

const VALIDATION_REASONS = ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'];

/** The checks on x-kubernetes-validations that need no CEL compiler. */
function celRuleShapeErrors(schema: JsonSchema, path: string): FieldError[] {
  const rules = Array.isArray(schema['x-kubernetes-validations']) ? schema['x-kubernetes-validations'] : [];
  const errors: FieldError[] = [];
  const newline = /[\n\r]+/;
  rules.forEach((r, i) => {
    const rule = isObject(r) ? r : {};
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    const at = `${path}.x-kubernetes-validations[${i}]`;
    const ruleText = text(rule.rule).trim();
    const message = text(rule.message);
    const trimmedMessage = message.trim();
    if (ruleText === '') errors.push(fieldRequired(`${at}.rule`, 'rule is not specified'));
    else if (message.length > 0 && trimmedMessage === '')
      errors.push(fieldInvalid(`${at}.message`, message, 'must be non-empty if specified'));
    else if (newline.test(trimmedMessage))
      errors.push(fieldInvalid(`${at}.message`, message, 'must not contain line breaks'));
    else if (newline.test(ruleText) && trimmedMessage === '') {
      errors.push(fieldRequired(`${at}.message`, 'message must be specified if rule contains line breaks'));
    }
    const messageExpression = text(rule.messageExpression);
    if (messageExpression.length > 0 && messageExpression.trim() === '') {
      errors.push(fieldRequired(`${at}.messageExpression`, 'messageExpression must be non-empty if specified'));
    }
    if (typeof rule.reason === 'string' && !VALIDATION_REASONS.includes(rule.reason)) {
      errors.push(fieldNotSupported(`${at}.reason`, rule.reason, VALIDATION_REASONS));
    }
    const fieldPath = text(rule.fieldPath);
    if (fieldPath.length > 0 && fieldPath.trim() === '')
      errors.push(fieldInvalid(`${at}.fieldPath`, fieldPath, 'must be non-empty if specified'));
    if (newline.test(fieldPath))
      errors.push(fieldInvalid(`${at}.fieldPath`, fieldPath, 'must not contain line breaks'));
  });
  return errors;
}
