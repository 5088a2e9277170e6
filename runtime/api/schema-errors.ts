/**
 * kube-openapi's validation errors (errors/schema.go: each failure's code and text), the Result
 * that collects them (validate.Result), and their conversion to field errors
 * (kubeOpenAPIResultToFieldErrors).
 */
import {
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  fieldTooLong,
  fieldTooMany,
  fieldTypeInvalid,
  goJson,
  goQuote,
} from './field-error';
import type { FieldError } from './resource';

/** The kinds of failure kube-openapi reports (errors/schema.go codes). */
type Code =
  | 'type'
  | 'required'
  | 'tooLong'
  | 'tooShort'
  | 'pattern'
  | 'enum'
  | 'multipleOf'
  | 'max'
  | 'min'
  | 'unique'
  | 'maxItems'
  | 'minItems'
  | 'tooFewProperties'
  | 'tooManyProperties'
  | 'unallowedProperty'
  | 'multipleOfMustBePositive'
  | 'composite';

/** One failure: errors.Validation (a path in `name`), or a composite message without a field. */
export interface OpenApiError {
  code: Code;
  name: string;
  /** Go's nil is undefined. */
  value?: unknown;
  valid?: number;
  values?: unknown[];
  message: string;
}

/** validate.Result: the errors (each message once) and the match count anyOf/oneOf compare. */
export class Result {
  errors: OpenApiError[] = [];
  matchCount = 0;

  add(...errors: OpenApiError[]): void {
    for (const error of errors) {
      if (!this.errors.some((e) => e.message === error.message)) this.errors.push(error);
    }
  }

  merge(...others: (Result | undefined)[]): this {
    for (const other of others) {
      if (!other) continue;
      this.add(...other.errors);
      this.matchCount += other.matchCount;
    }
    return this;
  }

  get valid(): boolean {
    return this.errors.length === 0;
  }
}

/** A Result holding just `error`. */
export const failed = (error: OpenApiError): Result => {
  const result = new Result();
  result.add(error);
  return result;
};

/** Where the values are: kube-openapi validates a request body. */
const IN = 'body';

/** errors.Validation of the value at `path`, its message `<path> in body <text>`. */
const invalidAt = (code: Code, path: string, text: string, fields: Partial<OpenApiError> = {}): OpenApiError => ({
  code,
  name: path,
  message: `${path} in ${IN} ${text}`,
  ...fields,
});

/** errors.InvalidType: the value is not of the type (or format) the schema says. */
export const invalidType = (path: string, typeName: string, value: string): OpenApiError =>
  invalidAt('type', path, `must be of type ${typeName}: ${goQuote(value)}`, { value });

/** errors.TooLong: a string over maxLength. */
export const tooLong = (path: string, max: number, value: string): OpenApiError =>
  invalidAt('tooLong', path, `should be at most ${max} chars long`, { value, valid: max });

/** errors.TooShort: a string under minLength. */
export const tooShort = (path: string, min: number, value: string): OpenApiError =>
  invalidAt('tooShort', path, `should be at least ${min} chars long`, { value, valid: min });

/** errors.FailedPattern: `shown` is the pattern, or the pattern with why it does not compile. */
export const failedPattern = (path: string, shown: string, value: string): OpenApiError =>
  invalidAt('pattern', path, `should match '${shown}'`, { value });

/** errors.MultipleOfMustBePositive: the schema's multipleOf is zero or negative. */
export const multipleOfMustBePositive = (path: string, factor: number, shown: string): OpenApiError => ({
  code: 'multipleOfMustBePositive',
  name: path,
  value: factor,
  message: `factor MultipleOf declared for ${path} must be positive: ${shown}`,
});

/** errors.NotMultipleOf: a number that is not a multiple of multipleOf. */
export const notMultipleOf = (path: string, shown: string, value: number): OpenApiError =>
  invalidAt('multipleOf', path, `should be a multiple of ${shown}`, { value });

/** errors.ExceedsMinimum: `relation` is `greater than` or `greater than or equal to`. */
export const exceedsMinimum = (path: string, relation: string, shown: string, value: number): OpenApiError =>
  invalidAt('min', path, `should be ${relation} ${shown}`, { value });

/** errors.ExceedsMaximum: `relation` is `less than` or `less than or equal to`. */
export const exceedsMaximum = (path: string, relation: string, shown: string, value: number): OpenApiError =>
  invalidAt('max', path, `should be ${relation} ${shown}`, { value });

/** errors.TooFewItems: an array under minItems. */
export const tooFewItems = (path: string, min: number, size: number): OpenApiError =>
  invalidAt('minItems', path, `should have at least ${min} items`, { value: size, valid: min });

/** errors.TooManyItems: an array over maxItems. */
export const tooManyItems = (path: string, max: number, size: number): OpenApiError =>
  invalidAt('maxItems', path, `should have at most ${max} items`, { value: size, valid: max });

/** errors.DuplicateItems: an array with uniqueItems that repeats an item. */
export const duplicateItems = (path: string): OpenApiError => invalidAt('unique', path, "shouldn't contain duplicates");

/** errors.EnumFail: a value that is none of the enum's members. */
export const enumFail = (path: string, value: unknown, members: unknown[]): OpenApiError =>
  invalidAt('enum', path, `should be one of [${members.map((m) => goJson(m)).join(' ')}]`, { value, values: members });

/** errors.TooFewProperties: an object under minProperties. */
export const tooFewProperties = (path: string, min: number, size: number): OpenApiError =>
  invalidAt('tooFewProperties', path, `should have at least ${min} properties`, { value: size, valid: min });

/** errors.TooManyProperties: an object over maxProperties. */
export const tooManyProperties = (path: string, max: number, size: number): OpenApiError =>
  invalidAt('tooManyProperties', path, `should have at most ${max} properties`, { value: size, valid: max });

/** errors.PropertyNotAllowed: a key additionalProperties: false forbids. */
export const propertyNotAllowed = (path: string, key: string): OpenApiError => ({
  code: 'unallowedProperty',
  name: path,
  value: key,
  message: `${path}.${key} in ${IN} is a forbidden property`,
});

/** errors.Required: a required property that is missing. */
export const required = (path: string, key: string): OpenApiError =>
  invalidAt('required', `${path}.${key}`, 'is required');

/** A failure of allOf, anyOf, oneOf or not, which names no field. */
const composite = (message: string): OpenApiError => ({ code: 'composite', name: '', message });

/** anyOf: no alternative validated. */
export const failedAnyOf = (path: string): OpenApiError =>
  composite(`${goQuote(path)} must validate at least one schema (anyOf)`);

/** oneOf: `validated` alternatives validated, where exactly one must. */
export const failedOneOf = (path: string, validated: number): OpenApiError => {
  const detail = validated === 0 ? 'Found none valid' : `Found ${validated} valid alternatives`;
  return composite(`${goQuote(path)} must validate one and only one schema (oneOf). ${detail}`);
};

/** allOf: only `validated` of the schemas validated. */
export const failedAllOf = (path: string, validated: number): OpenApiError =>
  composite(`${goQuote(path)} must validate all the schemas (allOf)${validated === 0 ? '. None validated' : ''}`);

/** not: the value validated the schema it must not. */
export const failedNot = (path: string): OpenApiError =>
  composite(`${goQuote(path)} must not validate the schema (not)`);

/** kubeOpenAPIResultToFieldErrors. */
export function toFieldError(error: OpenApiError, fieldPath: string | undefined): FieldError {
  const base = fieldPath ?? '<nil>';
  if (error.code === 'composite') return fieldInvalid(base, '', error.message);
  const name = error.name.replace(/^\./, '');
  const field = error.name !== '' && error.name !== '.' ? (fieldPath ? `${fieldPath}.${name}` : name) : base;
  const value = error.value ?? '';
  switch (error.code) {
    case 'required':
      return fieldRequired(field);
    case 'enum':
      return fieldNotSupported(
        field,
        error.value ?? null,
        (error.values ?? []).map((v) => (typeof v === 'string' ? v : goJson(v))),
      );
    case 'tooLong':
      return fieldTooLong(field, error.valid ?? -1);
    case 'maxItems':
    case 'tooManyProperties':
      return fieldTooMany(field, typeof error.value === 'number' ? error.value : -1, error.valid ?? -1);
    case 'type':
      return fieldTypeInvalid(field, value, error.message);
    default:
      return fieldInvalid(field, value, error.message);
  }
}
