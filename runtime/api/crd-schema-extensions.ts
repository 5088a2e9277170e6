/** The Kubernetes extensions' rules on a CRD schema node: list and map types, list map keys, CEL rules' shape. */
import { goItems } from './crd-internal';
import type { ValidationOptions } from './crd-validation-options';
import type { JsonSchema } from './custom-resource-schema';
import { fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from './field-error';
import { isObject, textOf } from './object';
import type { FieldError } from './resource';

/** The Kubernetes extensions' rules: preserve-unknown-fields, map and list types, list keys, CEL rule shape. */
export function extensionErrors(schema: JsonSchema, path: string, opts: ValidationOptions): FieldError[] {
  const errors: FieldError[] = [];
  const type = textOf(schema.type);
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

/** A map list's keys and items: one object schema whose key properties are scalars. */
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
  const itemType = textOf(items.type);
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
    const at = `${path}.x-kubernetes-validations[${i}]`;
    const ruleText = textOf(rule.rule).trim();
    const message = textOf(rule.message);
    const trimmedMessage = message.trim();
    if (ruleText === '') errors.push(fieldRequired(`${at}.rule`, 'rule is not specified'));
    else if (message.length > 0 && trimmedMessage === '')
      errors.push(fieldInvalid(`${at}.message`, message, 'must be non-empty if specified'));
    else if (newline.test(trimmedMessage))
      errors.push(fieldInvalid(`${at}.message`, message, 'must not contain line breaks'));
    else if (newline.test(ruleText) && trimmedMessage === '') {
      errors.push(fieldRequired(`${at}.message`, 'message must be specified if rule contains line breaks'));
    }
    const messageExpression = textOf(rule.messageExpression);
    if (messageExpression.length > 0 && messageExpression.trim() === '') {
      errors.push(fieldRequired(`${at}.messageExpression`, 'messageExpression must be non-empty if specified'));
    }
    if (typeof rule.reason === 'string' && !VALIDATION_REASONS.includes(rule.reason)) {
      errors.push(fieldNotSupported(`${at}.reason`, rule.reason, VALIDATION_REASONS));
    }
    const fieldPath = textOf(rule.fieldPath);
    if (fieldPath.length > 0 && fieldPath.trim() === '')
      errors.push(fieldInvalid(`${at}.fieldPath`, fieldPath, 'must be non-empty if specified'));
    if (newline.test(fieldPath))
      errors.push(fieldInvalid(`${at}.fieldPath`, fieldPath, 'must not contain line breaks'));
  });
  return errors;
}
