import { utf8Length } from '../util/utf8';
import type { FieldError } from './resource';
import type { ObjectMeta } from './object';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** apimachinery's message for a bad DNS-1123 label. */
export const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** apimachinery's message for a bad DNS-1123 subdomain. */
export const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const QUALIFIED_NAME_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** True for a DNS-1123 label of at most 63 characters. */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** The problems with `value` as a DNS-1123 subdomain (apimachinery IsDNS1123Subdomain). */
export function dnsSubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (utf8Length(value) > 253) errors.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push(DNS1123_SUBDOMAIN_MESSAGE);
  return errors;
}

/** The problems with `value` as a DNS-1123 label (apimachinery IsDNS1123Label). */
export function dnsLabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) errors.push(DNS1123_LABEL_MESSAGE);
  return errors;
}

/** The problems with `value` as a name that is one path segment (apimachinery IsValidPathSegmentName). */
export function pathSegmentNameErrors(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  return ['/', '%'].filter((c) => value.includes(c)).map((c) => `may not contain '${c}'`);
}

/** The problems with a label or annotation key (apimachinery IsQualifiedName). */
export function qualifiedNameErrors(key: string): string[] {
  const parts = key.split('/');
  if (parts.length > 2) {
    return [
      `${QUALIFIED_NAME_MESSAGE.replace('name part ', 'a qualified name ')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const [prefix, name] = parts.length === 2 ? parts : ['', parts[0]];
  const errors: string[] = [];
  if (parts.length === 2) {
    if (prefix === '') errors.push('prefix part must be non-empty');
    else errors.push(...dnsSubdomainErrors(prefix).map((e) => `prefix part ${e}`));
  }
  // Go measures in UTF-8 bytes, and reports the pattern too when the name is empty or long.
  if (name === '') errors.push('name part must be non-empty');
  else if (utf8Length(name) > 63) errors.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME_PART.test(name)) errors.push(QUALIFIED_NAME_MESSAGE);
  return errors;
}

/** The problems with a label value (apimachinery IsValidLabelValue). */
export function labelValueErrors(value: string): string[] {
  if (value.length <= 63 && LABEL_VALUE.test(value)) return [];
  const errors: string[] = [];
  if (utf8Length(value) > 63) errors.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) errors.push(LABEL_VALUE_MESSAGE);
  return errors;
}

/** `Invalid value: "x": detail` as field.Invalid renders it. */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, message: `Invalid value: ${JSON.stringify(value)}: ${detail}` };
}

/** `Required value` (with an optional detail). */
export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, message: detail ? `Required value: ${detail}` : 'Required value' };
}

const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/**
 * ObjectMeta validation on create and update (apimachinery ValidateObjectMeta): the name (a
 * DNS-1123 label for namespaces and the like, a path segment for RBAC kinds, a subdomain for most
 * kinds), a generation of at least 0, labels, annotations.
 */
export function validateObjectMeta(meta: ObjectMeta, nameRule: 'label' | 'subdomain' | 'pathSegment'): FieldError[] {
  const errors: FieldError[] = [];
  const name = meta.name ?? '';
  if (name === '' && !meta.generateName) {
    errors.push(required('metadata.name', 'name or generateName is required'));
  } else if (name !== '') {
    const problems =
      nameRule === 'label'
        ? dnsLabelErrors(name)
        : nameRule === 'pathSegment'
          ? pathSegmentNameErrors(name)
          : dnsSubdomainErrors(name);
    for (const problem of problems) errors.push(invalid('metadata.name', name, problem));
  }
  if ((meta.generation ?? 0) < 0) {
    errors.push(invalid('metadata.generation', meta.generation, 'must be greater than or equal to 0'));
  }
  for (const [key, value] of Object.entries(meta.labels ?? {})) {
    for (const problem of qualifiedNameErrors(key)) errors.push(invalid('metadata.labels', key, problem));
    if (typeof value !== 'string') errors.push(invalid('metadata.labels', value, 'must be a string'));
    else for (const problem of labelValueErrors(value)) errors.push(invalid('metadata.labels', value, problem));
  }
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(meta.annotations ?? {})) {
    for (const problem of qualifiedNameErrors(key.toLowerCase())) {
      errors.push(invalid('metadata.annotations', key, problem));
    }
    annotationBytes += key.length + String(value).length;
  }
  if (annotationBytes > MAX_ANNOTATIONS_BYTES) {
    errors.push({
      type: 'FieldValueTooLong',
      field: 'metadata.annotations',
      message: `Too long: may not be more than ${MAX_ANNOTATIONS_BYTES} bytes`,
    });
  }
  return errors;
}
