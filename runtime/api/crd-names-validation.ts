/** Checks on a CRD's names: metadata.name as plural.group, and spec.names (or status.acceptedNames). */
import type { CrdNames, InternalSpec } from './crd-internal';
import { dns1035LabelErrors } from './custom-resource-validation';
import { fieldInvalid } from './field-error';
import type { KubeObject } from './object';
import type { FieldError } from './resource';

/** The definition's own name (or generateName) must be `<plural>.<group>`. */
export function metadataNameErrors(crd: KubeObject, spec: InternalSpec): FieldError[] {
  const required = `${spec.names.plural ?? ''}.${spec.group}`;
  const detail = 'must be spec.names.plural+"."+spec.group';
  const errors: FieldError[] = [];
  const { name, generateName } = crd.metadata ?? {};
  if (generateName && generateName !== required)
    errors.push(fieldInvalid('metadata.generateName', generateName, detail));
  if (name && name !== required) errors.push(fieldInvalid('metadata.name', name, detail));
  return errors;
}

/** ValidateCustomResourceDefinitionNames. */
export function namesErrors(names: CrdNames, path: string): FieldError[] {
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
