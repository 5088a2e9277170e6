/**
 * CustomResourceDefinition validation as apiextensions-apiserver 1.34 does it
 * (pkg/apis/apiextensions/validation/validation.go, on the internal version crd-internal.ts
 * converts to): the name, group, scope, names, versions and their schemas (structural, with
 * valid defaults and Kubernetes extensions), subresources, printer columns, conversion, stored
 * versions, API approval for protected groups, and the fields an update may not change. CEL rules
 * (x-kubernetes-validations) are checked for their shape only, not compiled.
 */
import {
  goVersions,
  internalSpec,
  type CrdNames,
  type CrdSpec,
  type CrdVersion,
  type InternalSpec,
} from './crd-internal';
import { mapSetErrors, setItemErrors, TYPES, validationErrors, type Options } from './crd-schema-validation';
import { structuralConversionError, validateStructural } from './crd-structural';
import type { JsonSchema } from './custom-resource-schema';
import { dns1035LabelErrors } from './custom-resource-validation';
import { fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from './field-error';
import { isObject, type KubeObject } from './object';
import type { FieldError } from './resource';
import { dnsSubdomainErrors } from './validation';
import { encodeUtf8 } from '../util/utf8';

const specOf = (crd: KubeObject | undefined): CrdSpec => (isObject(crd?.spec) ? (crd.spec as CrdSpec) : {});

/** True when the definition's condition of that type is True. */
export function crdConditionTrue(crd: KubeObject, type: string): boolean {
  const conditions = (crd.status as { conditions?: Array<{ type?: string; status?: string }> } | undefined)?.conditions;
  return Array.isArray(conditions) && conditions.some((c) => c.type === type && c.status === 'True');
}

/** The storedVersions the strategy gives a definition: the old ones plus the storage version. */
export function storedVersions(crd: KubeObject, old: KubeObject | undefined): string[] {
  const previous = (old?.status as { storedVersions?: unknown } | undefined)?.storedVersions;
  const stored = Array.isArray(previous) ? previous.map(String) : [];
  const storage = (specOf(crd).versions ?? []).find((v) => isObject(v) && v.storage === true)?.name;
  if (storage !== undefined && !stored.includes(storage)) stored.push(storage);
  return stored;
}

/** ValidateCustomResourceDefinition (old undefined) or ValidateCustomResourceDefinitionUpdate. */
export function validateCrd(crd: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = internalSpec(specOf(crd));
  const errors: FieldError[] = [];
  let options: Options;
  if (!old) {
    options = {
      requireImmutableNames: false,
      requireOpenAPISchema: true,
      requireValidPropertyType: true,
      requireStructuralSchema: true,
      requirePrunedDefaults: true,
      requireAtomicSetType: true,
      requireMapListKeysMapSetValidation: true,
    };
    errors.push(...nameErrors(crd, spec));
  } else {
    const oldSpec = internalSpec(specOf(old));
    const schemas = allSchemas(oldSpec);
    options = {
      requireImmutableNames: crdConditionTrue(old, 'Established'),
      requireOpenAPISchema: allVersionsHaveSchemas(oldSpec),
      requireValidPropertyType: !schemas.some((s) =>
        someSchema(s, (x) => typeof x.type === 'string' && x.type !== '' && !TYPES.includes(x.type)),
      ),
      requireStructuralSchema: !schemas.some(isNonStructural),
      requirePrunedDefaults: true,
      requireAtomicSetType: !schemas.some((s) => someSchema(s, (x) => setItemErrors(x, '').length > 0)),
      requireMapListKeysMapSetValidation: !schemas.some((s) => someSchema(s, (x) => mapSetErrors(x, '').length > 0)),
    };
  }
  errors.push(...specErrors(spec, options, 'spec'));
  if (old) errors.push(...immutableErrors(spec, internalSpec(specOf(old)), options));
  errors.push(...storedVersionErrors(storedVersions(crd, old), spec.versions, 'status.storedVersions'));
  errors.push(...approvalErrors(crd, old, spec.group));
  if (specOf(crd).preserveUnknownFields === true && specOf(old).preserveUnknownFields !== true) {
    errors.push(
      fieldInvalid(
        'spec.preserveUnknownFields',
        true,
        'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead',
      ),
    );
  }
  return errors;
}

/** ValidateUpdateCustomResourceDefinitionStatus: the accepted names a status write sets. */
export function validateCrdStatus(crd: KubeObject): FieldError[] {
  const status = isObject(crd.status) ? crd.status : {};
  return namesErrors(isObject(status.acceptedNames) ? (status.acceptedNames as CrdNames) : {}, 'status.acceptedNames');
}

function nameErrors(crd: KubeObject, spec: InternalSpec): FieldError[] {
  const required = `${spec.names.plural ?? ''}.${spec.group}`;
  const detail = 'must be spec.names.plural+"."+spec.group';
  const errors: FieldError[] = [];
  const { name, generateName } = crd.metadata ?? {};
  if (generateName && generateName !== required)
    errors.push(fieldInvalid('metadata.generateName', generateName, detail));
  if (name && name !== required) errors.push(fieldInvalid('metadata.name', name, detail));
  return errors;
}

const PRINTER_COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const PRINTER_COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

function allSchemas(spec: InternalSpec): JsonSchema[] {
  const schemas = [spec.validation?.openAPIV3Schema, ...spec.versions.map((v) => v.schema?.openAPIV3Schema)];
  return schemas.filter(isObject);
}

function allVersionsHaveSchemas(spec: InternalSpec): boolean {
  if (isObject(spec.validation?.openAPIV3Schema)) return true;
  return spec.versions.every((v) => isObject(v.schema?.openAPIV3Schema));
}

function isNonStructural(schema: JsonSchema): boolean {
  return structuralConversionError(schema) !== undefined || validateStructural(schema, '').length > 0;
}

/** SchemaHas: whether the schema or any schema inside it satisfies `test`. */
function someSchema(schema: JsonSchema, test: (s: JsonSchema) => boolean): boolean {
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

function specHas(spec: InternalSpec, test: (s: JsonSchema) => boolean): boolean {
  return allSchemas(spec).some((s) => someSchema(s, test));
}

function enumErrors(field: string, value: string, accepted: string[]): FieldError[] {
  if (value === '') return [fieldRequired(field)];
  return accepted.includes(value) ? [] : [fieldNotSupported(field, value, accepted)];
}

/** validateCustomResourceDefinitionSpec. */
function specErrors(spec: InternalSpec, options: Options, path: string): FieldError[] {
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
  errors.push(...enumErrors(`${path}.scope`, spec.scope, ['Cluster', 'Namespaced']));
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
function versionErrors(version: CrdVersion, path: string, statusEnabled: boolean, opts: Options): FieldError[] {
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

/** ValidateCustomResourceDefinitionNames. */
function namesErrors(names: CrdNames, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const label = (field: 'plural' | 'singular'): void => {
    const value = names[field];
    if (!value) return;
    const problems = dns1035LabelErrors(value);
    if (problems.length > 0) errors.push(fieldInvalid(`${path}.${field}`, value, problems.join(',')));
  };
  label('plural');
  label('singular');
  for (const field of ['kind', 'listKind'] as const) {
    const value = names[field];
    if (!value) continue;
    const problems = dns1035LabelErrors(value.toLowerCase());
    if (problems.length > 0) {
      errors.push(
        fieldInvalid(
          `${path}.${field}`,
          value,
          `may have mixed case, but should otherwise match: ${problems.join(',')}`,
        ),
      );
    }
  }
  (names.shortNames ?? []).forEach((shortName, i) => {
    const problems = dns1035LabelErrors(String(shortName));
    if (problems.length > 0) errors.push(fieldInvalid(`${path}.shortNames[${i}]`, shortName, problems.join(',')));
  });
  if (names.kind && names.kind === names.listKind) {
    errors.push(fieldInvalid(`${path}.listKind`, names.listKind, 'kind and listKind may not be the same'));
  }
  (names.categories ?? []).forEach((category, i) => {
    const problems = dns1035LabelErrors(String(category));
    if (problems.length > 0) errors.push(fieldInvalid(`${path}.categories[${i}]`, category, problems.join(',')));
  });
  return errors;
}

/** ValidateCustomResourceColumnDefinition. */
function columnErrors(column: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  if (!text(column.name)) errors.push(fieldRequired(`${path}.name`));
  const types = `must be one of ${PRINTER_COLUMN_TYPES.join(',')}`;
  const type = text(column.type);
  if (type === '') errors.push(fieldRequired(`${path}.type`, types));
  else if (!PRINTER_COLUMN_TYPES.includes(type)) errors.push(fieldInvalid(`${path}.type`, type, types));
  const format = text(column.format);
  if (format !== '' && !PRINTER_COLUMN_FORMATS.includes(format)) {
    errors.push(fieldInvalid(`${path}.format`, format, `must be one of ${PRINTER_COLUMN_FORMATS.join(',')}`));
  }
  const jsonPath = text(column.jsonPath);
  if (jsonPath === '') errors.push(fieldRequired(`${path}.JSONPath`));
  else errors.push(...simpleJsonPathErrors(jsonPath, `${path}.JSONPath`));
  return errors;
}

function simpleJsonPathErrors(path: string, field: string): FieldError[] {
  if (path === '') return [fieldInvalid(field, path, 'must not be empty')];
  if (path[0] !== '.') return [fieldInvalid(field, path, 'must be a simple json path starting with .')];
  return [];
}

/** ValidateCustomResourceDefinitionSubresources: the scale subresource's paths. */
function subresourceErrors(subresources: CrdVersion['subresources'], path: string): FieldError[] {
  const scale = isObject(subresources) && isObject(subresources.scale) ? subresources.scale : undefined;
  if (!scale) return [];
  const errors: FieldError[] = [];
  const replicas = (name: string, prefix: string, under: string): void => {
    const field = `${path}.scale.${name}`;
    const value = typeof scale[name] === 'string' ? (scale[name] as string) : '';
    if (value === '') return void errors.push(fieldRequired(field));
    const problems = simpleJsonPathErrors(value, field);
    if (problems.length > 0) errors.push(...problems);
    else if (!value.startsWith(prefix)) errors.push(fieldInvalid(field, value, `should be a json path under ${under}`));
  };
  replicas('specReplicasPath', '.spec.', '.spec');
  replicas('statusReplicasPath', '.status.', '.status');
  const selector = scale.labelSelectorPath;
  if (typeof selector === 'string' && selector !== '') {
    const field = `${path}.scale.labelSelectorPath`;
    const problems = simpleJsonPathErrors(selector, field);
    if (problems.length > 0) errors.push(...problems);
    else if (!selector.startsWith('.spec.') && !selector.startsWith('.status.')) {
      errors.push(fieldInvalid(field, selector, 'should be a json path under either .spec or .status'));
    }
  }
  return errors;
}

/** validateCustomResourceConversion. */
function conversionErrors(conversion: InternalSpec['conversion'], path: string): FieldError[] {
  if (!conversion) return [];
  const errors = enumErrors(`${path}.strategy`, conversion.strategy, ['None', 'Webhook']);
  const config = conversion.webhookClientConfig;
  const versions = conversion.conversionReviewVersions;
  if (conversion.strategy === 'Webhook') {
    const configPath = `${path}.webhookClientConfig`;
    if (!config) errors.push(fieldRequired(configPath, 'required when strategy is set to Webhook'));
    else {
      const hasUrl = typeof config.url === 'string';
      const service = isObject(config.service) ? config.service : undefined;
      if (hasUrl === (service !== undefined))
        errors.push(fieldRequired(configPath, 'exactly one of url or service is required'));
      else if (hasUrl) errors.push(...webhookUrlErrors(`${configPath}.url`, config.url as string));
      else if (service) errors.push(...webhookServiceErrors(`${configPath}.service`, service));
    }
    errors.push(...reviewVersionErrors(versions, `${path}.conversionReviewVersions`));
  } else {
    const detail = 'should not be set when strategy is not set to Webhook';
    if (config) errors.push(fieldForbidden(`${path}.webhookClientConfig`, detail));
    if (versions && versions.length > 0) errors.push(fieldForbidden(`${path}.conversionReviewVersions`, detail));
  }
  return errors;
}

function reviewVersionErrors(versions: string[] | undefined, path: string): FieldError[] {
  if (!versions || versions.length === 0) return [fieldRequired(path)];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  let accepted = false;
  versions.forEach((v, i) => {
    if (seen.has(v)) return void errors.push(fieldInvalid(`${path}[${i}]`, v, 'duplicate version'));
    seen.add(v);
    for (const problem of dns1035LabelErrors(v)) errors.push(fieldInvalid(`${path}[${i}]`, v, problem));
    if (v === 'v1' || v === 'v1beta1') accepted = true;
  });
  if (!accepted) errors.push(fieldInvalid(path, versions, 'must include at least one of v1, v1beta1'));
  return errors;
}

/** webhook.ValidateWebhookURL with https required. */
function webhookUrlErrors(path: string, url: string): FieldError[] {
  const form = '; desired format: https://host[/path]';
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(url);
  if (!m) return [fieldRequired(path, `url must be a valid URL${form}`)];
  const [, scheme = '', authority, , query, fragment] = m;
  const at = authority?.lastIndexOf('@') ?? -1;
  const host = authority === undefined ? '' : authority.slice(at + 1);
  const errors: FieldError[] = [];
  if (scheme.toLowerCase() !== 'https')
    errors.push(fieldInvalid(path, scheme.toLowerCase(), `'https' is the only allowed URL scheme${form}`));
  if (host === '') errors.push(fieldInvalid(path, host, `host must be specified${form}`));
  if (authority !== undefined && at >= 0) {
    errors.push(fieldInvalid(path, authority.slice(0, at), 'user information is not permitted in the URL'));
  }
  if (fragment) errors.push(fieldInvalid(path, fragment, 'fragments are not permitted in the URL'));
  if (query) errors.push(fieldInvalid(path, query, 'query parameters are not permitted in the URL'));
  return errors;
}

/** webhook.ValidateWebhookService. */
function webhookServiceErrors(path: string, service: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (!service.name) errors.push(fieldRequired(`${path}.name`));
  if (!service.namespace) errors.push(fieldRequired(`${path}.namespace`));
  const port = typeof service.port === 'number' ? service.port : 443;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    errors.push(fieldInvalid(`${path}.port`, port, 'port is not valid: must be between 1 and 65535, inclusive'));
  }
  const urlPath = typeof service.path === 'string' ? service.path : undefined;
  if (urlPath === undefined || urlPath === '/' || urlPath === '') return errors;
  if (urlPath === '//') return [...errors, fieldInvalid(`${path}.path`, urlPath, 'segment[0] may not be empty')];
  if (!urlPath.startsWith('/')) errors.push(fieldInvalid(`${path}.path`, urlPath, "must start with a '/'"));
  const steps = urlPath.slice(1).replace(/\/$/, '').split('/');
  steps.forEach((step, i) => {
    if (step === '') return void errors.push(fieldInvalid(`${path}.path`, urlPath, `segment[${i}] may not be empty`));
    for (const problem of dnsSubdomainErrors(step))
      errors.push(fieldInvalid(`${path}.path`, urlPath, `segment[${i}]: ${problem}`));
  });
  return errors;
}

/** validateCustomResourceDefinitionSpecUpdate's immutable fields. */
function immutableErrors(spec: InternalSpec, old: InternalSpec, options: Options): FieldError[] {
  const errors: FieldError[] = [];
  const immutable = (field: string, value: string, previous: string): void => {
    if (value !== previous) errors.push(fieldInvalid(field, value, 'field is immutable'));
  };
  if (options.requireImmutableNames) {
    immutable('spec.scope', spec.scope, old.scope);
    immutable('spec.names.kind', spec.names.kind ?? '', old.names.kind ?? '');
  }
  immutable('spec.group', spec.group, old.group);
  immutable('spec.names.plural', spec.names.plural ?? '', old.names.plural ?? '');
  return errors;
}

/** ValidateCustomResourceDefinitionStoredVersions. */
function storedVersionErrors(stored: string[], versions: CrdVersion[], path: string): FieldError[] {
  if (stored.length === 0) return [fieldInvalid(path, null, 'must have at least one stored version')];
  const errors: FieldError[] = [];
  const remaining = new Map(stored.map((v, i) => [v, i]));
  for (const version of versions) {
    const name = version.name ?? '';
    const present = remaining.has(name);
    if (version.storage === true && !present)
      errors.push(fieldInvalid(path, stored, `must have the storage version ${name}`));
    remaining.delete(name);
  }
  for (const [v, i] of remaining) {
    errors.push(
      fieldInvalid(
        `${path}[${i}]`,
        v,
        `missing from spec.versions; ${v} was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in ${v} and removes ${v} from status.storedVersions`,
      ),
    );
  }
  return errors;
}

const APPROVAL = 'api-approved.kubernetes.io';

/** apihelpers.GetAPIApprovalState. */
function approvalState(crd: KubeObject | undefined): [string, string] {
  const annotation = crd?.metadata?.annotations?.[APPROVAL] ?? '';
  if (annotation === '') {
    return [
      'missing',
      `protected groups must have approval annotation "${APPROVAL}", see https://github.com/kubernetes/enhancements/pull/1111`,
    ];
  }
  if (annotation.startsWith('unapproved')) return ['bypassed', `not approved: "${annotation}"`];
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]+/.test(annotation)) return ['approved', `approved in ${annotation}`];
  return [
    'invalid',
    `protected groups must have approval annotation "${APPROVAL}" with either a URL or a reason starting with "unapproved", see https://github.com/kubernetes/enhancements/pull/1111`,
  ];
}

/** validateAPIApproval: groups under k8s.io and kubernetes.io need the approval annotation. */
function approvalErrors(crd: KubeObject, old: KubeObject | undefined, group: string): FieldError[] {
  const isProtected = /(^|\.)(k8s\.io|kubernetes\.io)$/.test(group);
  if (!isProtected) return [];
  const [state, reason] = approvalState(crd);
  if (old && approvalState(old)[0] === state) return [];
  const field = `metadata.annotations[${APPROVAL}]`;
  if (state === 'missing') return [fieldRequired(field, reason)];
  if (state === 'invalid') return [fieldInvalid(field, crd.metadata?.annotations?.[APPROVAL] ?? '', reason)];
  return [];
}
