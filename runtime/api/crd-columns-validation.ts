/** Checks on a CustomResourceDefinition's JSONPaths: its printer columns and the scale subresource's paths. */
import type { CrdVersion } from './crd-internal';
import { fieldInvalid, fieldRequired } from './field-error';
import { isObject, textOf } from './object';
import type { FieldError } from './resource';

const PRINTER_COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const PRINTER_COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

/** ValidateCustomResourceColumnDefinition. */
export function columnErrors(column: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!textOf(column.name)) errors.push(fieldRequired(`${path}.name`));
  const types = `must be one of ${PRINTER_COLUMN_TYPES.join(',')}`;
  const type = textOf(column.type);
  if (type === '') errors.push(fieldRequired(`${path}.type`, types));
  else if (!PRINTER_COLUMN_TYPES.includes(type)) errors.push(fieldInvalid(`${path}.type`, type, types));
  const format = textOf(column.format);
  if (format !== '' && !PRINTER_COLUMN_FORMATS.includes(format)) {
    errors.push(fieldInvalid(`${path}.format`, format, `must be one of ${PRINTER_COLUMN_FORMATS.join(',')}`));
  }
  const jsonPath = textOf(column.jsonPath);
  if (jsonPath === '') errors.push(fieldRequired(`${path}.JSONPath`));
  else errors.push(...simpleJsonPathErrors(jsonPath, `${path}.JSONPath`));
  return errors;
}

/** A JSONPath must be simple: non-empty and starting with a dot. */
function simpleJsonPathErrors(path: string, field: string): FieldError[] {
  if (path === '') return [fieldInvalid(field, path, 'must not be empty')];
  if (path[0] !== '.') return [fieldInvalid(field, path, 'must be a simple json path starting with .')];
  return [];
}

/** ValidateCustomResourceDefinitionSubresources: the scale subresource's paths. */
export function subresourceErrors(subresources: CrdVersion['subresources'], path: string): FieldError[] {
  const scale = isObject(subresources) && isObject(subresources.scale) ? subresources.scale : undefined;
  if (!scale) return [];
  const errors: FieldError[] = [];
  const replicas = (name: string, prefix: string, under: string): void => {
    const field = `${path}.scale.${name}`;
    const value = textOf(scale[name]);
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
