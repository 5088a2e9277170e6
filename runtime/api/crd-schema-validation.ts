/**
 * The checks on one openAPIV3Schema of a CustomResourceDefinition (apiextensions-apiserver 1.34
 * validation.go validateCustomResourceDefinitionValidation and
 * ValidateCustomResourceDefinitionOpenAPISchema): the root when the status subresource is on,
 * structural schemas and their defaults (crd-structural.ts), what OpenAPI v3 allows that CRDs do
 * not, and the Kubernetes extensions (list and map types, list keys, the shape of CEL rules; the
 * rules themselves are not compiled).
 *
 * This file checks the root; the walk over every node is crd-schema-walk.ts, the extensions'
 * rules crd-schema-extensions.ts.
 */
import { goSchema } from './crd-internal';
import { openApiSchemaErrors, type SchemaContext } from './crd-schema-walk';
import { structuralConversionError, validateDefaults, validateStructural } from './crd-structural';
import type { ValidationOptions } from './crd-validation-options';
import type { JsonSchema } from './custom-resource-schema';
import { fieldForbidden, fieldInvalid, goStrings } from './field-error';
import { isObject } from './object';
import type { FieldError } from './resource';

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
  opts: ValidationOptions,
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
