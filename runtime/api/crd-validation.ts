/**
 * CustomResourceDefinition validation as apiextensions-apiserver 1.34 does it
 * (pkg/apis/apiextensions/validation/validation.go, on the internal version crd-internal.ts
 * converts to): the name, group, scope, names, versions and their schemas (structural, with
 * valid defaults and Kubernetes extensions), subresources, printer columns, conversion, stored
 * versions, API approval for protected groups, and the fields an update may not change. CEL rules
 * (x-kubernetes-validations) are checked for their shape only, not compiled.
 *
 * This file is the entry (create, update, status) and what only an update checks; the spec walk
 * is crd-spec-validation.ts (names, JSONPaths and conversion in crd-names-validation.ts,
 * crd-columns-validation.ts and crd-conversion-validation.ts), each schema crd-schema-validation.ts.
 */
import { internalSpec, type CrdNames, type CrdSpec, type CrdVersion, type InternalSpec } from './crd-internal';
import { metadataNameErrors, namesErrors } from './crd-names-validation';
import { mapSetErrors, setItemErrors } from './crd-schema-extensions';
import { SCHEMA_TYPES } from './crd-schema-walk';
import { allSchemas, allVersionsHaveSchemas, isNonStructural, someSchema, specErrors } from './crd-spec-validation';
import { CREATE_OPTIONS, type ValidationOptions } from './crd-validation-options';
import { fieldInvalid, fieldRequired } from './field-error';
import { isObject, type KubeObject } from './object';
import type { FieldError } from './resource';

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
  let options: ValidationOptions;
  if (!old) {
    options = { ...CREATE_OPTIONS };
    errors.push(...metadataNameErrors(crd, spec));
  } else options = updateOptions(old);
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

/** An update's options: a rule the stored definition already breaks is not required of it. */
function updateOptions(old: KubeObject): ValidationOptions {
  const oldSpec = internalSpec(specOf(old));
  const schemas = allSchemas(oldSpec);
  return {
    requireImmutableNames: crdConditionTrue(old, 'Established'),
    requireOpenAPISchema: allVersionsHaveSchemas(oldSpec),
    requireValidPropertyType: !schemas.some((s) =>
      someSchema(s, (x) => typeof x.type === 'string' && x.type !== '' && !SCHEMA_TYPES.includes(x.type)),
    ),
    requireStructuralSchema: !schemas.some(isNonStructural),
    requirePrunedDefaults: true,
    requireAtomicSetType: !schemas.some((s) => someSchema(s, (x) => setItemErrors(x, '').length > 0)),
    requireMapListKeysMapSetValidation: !schemas.some((s) => someSchema(s, (x) => mapSetErrors(x, '').length > 0)),
  };
}

/** ValidateUpdateCustomResourceDefinitionStatus: the accepted names a status write sets. */
export function validateCrdStatus(crd: KubeObject): FieldError[] {
  const status = isObject(crd.status) ? crd.status : {};
  return namesErrors(isObject(status.acceptedNames) ? (status.acceptedNames as CrdNames) : {}, 'status.acceptedNames');
}

/** validateCustomResourceDefinitionSpecUpdate's immutable fields. */
function immutableErrors(spec: InternalSpec, old: InternalSpec, options: ValidationOptions): FieldError[] {
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
