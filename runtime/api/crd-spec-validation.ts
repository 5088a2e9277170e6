/**
 * validateCustomResourceDefinitionSpec: the spec walk (group, scope, versions and their schemas,
 * names, subresources, printer columns, conversion), and the queries over all of a spec's schemas
 * (SchemaHas) that decide what the rules require.
 */
import { goVersions, type CrdVersion, type InternalSpec } from './crd-internal';
import { columnErrors, subresourceErrors } from './crd-columns-validation';
import { conversionErrors } from './crd-conversion-validation';
import { namesErrors } from './crd-names-validation';
import { validationErrors } from './crd-schema-validation';
import { structuralConversionError, validateStructural } from './crd-structural';
import type { ValidationOptions } from './crd-validation-options';
import type { JsonSchema } from './custom-resource-schema';
import { dns1035LabelErrors } from './custom-resource-validation';
import { fieldEnumErrors, fieldInvalid, fieldRequired } from './field-error';
import { isObject } from './object';
import type { FieldError } from './resource';
import { dnsSubdomainErrors } from './validation';
import { encodeUtf8 } from '../util/utf8';

/** validateCustomResourceDefinitionSpec. */
export function specErrors(spec: InternalSpec, options: ValidationOptions, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const opts = { ...options };
  if (spec.group === '') errors.push(fieldRequired(`${path}.group`));
  else {
    const problems = dnsSubdomainErrors(spec.group);
    if (problems.length > 0) errors.push(fieldInvalid(`${path}.group`, spec.group, problems.join(',')));
    else if (spec.group.split('.').length < 2) {
      errors.push(fieldInvalid(`${path}.group`, spec.group, 'should be a domain with at least one dot'));
    }
  }
  errors.push(...fieldEnumErrors(`${path}.scope`, spec.scope, ['Cluster', 'Namespaced']));
  // Pruning, which v1 always does, needs structural schemas.
  opts.requireStructuralSchema ||= !spec.preserveUnknownFields;
  if (!isObject(spec.validation?.openAPIV3Schema)) {
    spec.versions.forEach((v, i) => {
      if (isObject(v.schema?.openAPIV3Schema)) return;
      const field = `${path}.versions[${i}].schema.openAPIV3Schema`;
      if (opts.requireOpenAPISchema) errors.push(fieldRequired(field));
      else if (!spec.preserveUnknownFields && v.served)
        errors.push(fieldRequired(field, 'because otherwise all fields are pruned'));
    });
  }
  if (specHas(spec, (s) => s.default !== undefined)) {
    opts.requireStructuralSchema = true;
    if (spec.preserveUnknownFields) {
      errors.push(
        fieldInvalid(`${path}.preserveUnknownFields`, true, 'must be false in order to use defaults in the schema'),
      );
    }
  }
  let storageCount = 0;
  const seen = new Set<string>();
  let unique = true;
  const anyStatus = isObject(spec.subresources?.status) || spec.versions.some((v) => isObject(v.subresources?.status));
  const perVersionSubresources = spec.versions.some((v) => v.subresources !== undefined);
  spec.versions.forEach((version, i) => {
    const name = version.name ?? '';
    if (version.storage === true) storageCount++;
    if (seen.has(name)) unique = false;
    seen.add(name);
    const problems = dns1035LabelErrors(name);
    if (problems.length > 0) errors.push(fieldInvalid(`${path}.versions[${i}].name`, name, problems.join(',')));
    const subresources = perVersionSubresources ? version.subresources : spec.subresources;
    errors.push(...versionErrors(version, `${path}.versions[${i}]`, isObject(subresources?.status), opts));
  });
  if (!unique)
    errors.push(fieldInvalid(`${path}.versions`, goVersions(spec.versions), 'must contain unique version names'));
  if (storageCount !== 1) {
    errors.push(
      fieldInvalid(
        `${path}.versions`,
        goVersions(spec.versions),
        'must have exactly one version marked as storage version',
      ),
    );
  }
  if (spec.version !== '') {
    const problems = dns1035LabelErrors(spec.version);
    if (problems.length > 0) errors.push(fieldInvalid(`${path}.version`, spec.version, problems.join(',')));
  }
  const names = spec.names;
  for (const field of ['plural', 'singular', 'kind', 'listKind'] as const) {
    if (!names[field]) errors.push(fieldRequired(`${path}.names.${field}`));
  }
  errors.push(...namesErrors(names, `${path}.names`));
  errors.push(...validationErrors(spec.validation, anyStatus, opts, `${path}.validation`));
  errors.push(...subresourceErrors(spec.subresources, `${path}.subresources`));
  (spec.additionalPrinterColumns ?? []).forEach((column, i) =>
    errors.push(...columnErrors(column, `${path}.additionalPrinterColumns[${i}]`)),
  );
  if (spec.conversion && spec.conversion.strategy !== 'None' && spec.preserveUnknownFields) {
    errors.push(
      fieldInvalid(
        `${path}.conversion.strategy`,
        spec.conversion.strategy,
        'must be None if spec.preserveUnknownFields is true',
      ),
    );
  }
  errors.push(...conversionErrors(spec.conversion, `${path}.conversion`));
  return errors;
}

/** validateCustomResourceDefinitionVersion. */
function versionErrors(
  version: CrdVersion,
  path: string,
  statusEnabled: boolean,
  opts: ValidationOptions,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const problem of deprecationWarningErrors(version.deprecated === true, version.deprecationWarning)) {
    errors.push(fieldInvalid(`${path}.deprecationWarning`, version.deprecationWarning, problem));
  }
  errors.push(...validationErrors(version.schema, statusEnabled, opts, `${path}.schema`));
  errors.push(...subresourceErrors(version.subresources, `${path}.subresources`));
  (version.additionalPrinterColumns ?? []).forEach((column, i) =>
    errors.push(...columnErrors(column, `${path}.additionalPrinterColumns[${i}]`)),
  );
  return errors;
}

/** A version's deprecationWarning: only for deprecated versions, at most 256 bytes, printable. */
function deprecationWarningErrors(deprecated: boolean, warning: string | undefined): string[] {
  if (!deprecated && warning !== undefined) return ['can only be set for deprecated versions'];
  if (warning === undefined) return [];
  const errors: string[] = [];
  if (encodeUtf8(warning).length > 256) errors.push('must be <= 256 characters long');
  if (warning.length === 0) errors.push('must not be an empty string');
  let index = 0;
  for (const char of warning) {
    if (/\p{Cc}/u.test(char)) {
      errors.push(`must only contain printable UTF-8 characters; control character found at index ${index}`);
      break;
    }
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(char)) {
      errors.push(`must only contain printable UTF-8 characters; non-printable character found at index ${index}`);
      break;
    }
    index += encodeUtf8(char).length;
  }
  return errors;
}

/** The spec's schemas: the top-level one and each version's. */
export function allSchemas(spec: InternalSpec): JsonSchema[] {
  const schemas = [spec.validation?.openAPIV3Schema, ...spec.versions.map((v) => v.schema?.openAPIV3Schema)];
  return schemas.filter(isObject);
}

/** Whether every version has a schema (or the top level has one for all). */
export function allVersionsHaveSchemas(spec: InternalSpec): boolean {
  if (isObject(spec.validation?.openAPIV3Schema)) return true;
  return spec.versions.every((v) => isObject(v.schema?.openAPIV3Schema));
}

/** Whether a schema is not structural (NewStructural fails, or ValidateStructural finds errors). */
export function isNonStructural(schema: JsonSchema): boolean {
  return structuralConversionError(schema) !== undefined || validateStructural(schema, '').length > 0;
}

/** SchemaHas: whether the schema or any schema inside it satisfies `test`. */
export function someSchema(schema: JsonSchema, test: (s: JsonSchema) => boolean): boolean {
  if (test(schema)) return true;
  const children: unknown[] = [
    ...(Array.isArray(schema.items) ? schema.items : [schema.items]),
    ...(Array.isArray(schema.allOf) ? schema.allOf : []),
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
    ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
    schema.not,
    ...Object.values(isObject(schema.properties) ? schema.properties : {}),
    schema.additionalProperties,
    ...Object.values(isObject(schema.patternProperties) ? schema.patternProperties : {}),
    schema.additionalItems,
    ...Object.values(isObject(schema.definitions) ? schema.definitions : {}),
    ...Object.values(isObject(schema.dependencies) ? schema.dependencies : {}),
  ];
  return children.some((child) => isObject(child) && someSchema(child, test));
}

/** Whether any of the spec's schemas, or a schema inside one, satisfies `test`. */
function specHas(spec: InternalSpec, test: (s: JsonSchema) => boolean): boolean {
  return allSchemas(spec).some((s) => someSchema(s, test));
}
