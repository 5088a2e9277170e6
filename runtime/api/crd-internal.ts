/**
 * A CustomResourceDefinition as the apiextensions-apiserver validates it: converted from v1 to
 * the internal version (apis/apiextensions/v1 conversion.go), where a schema, subresources,
 * printer columns or selectable fields that every version shares move to the top level
 * (`spec.validation`, `spec.subresources`, …) and the first version's name becomes
 * `spec.version`. Also the Go values (internal structs, printed by encoding/json with their Go
 * field names) that some validation errors print.
 */
import type { JsonSchema } from './custom-resource-schema';
import type { GoStruct } from './field-error';
import { deepEqual, isObject, textOf } from './object';

/** One entry of spec.versions. */
export interface CrdVersion {
  name?: string;
  served?: boolean;
  storage?: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema?: { openAPIV3Schema?: JsonSchema };
  subresources?: { status?: unknown; scale?: Record<string, unknown> };
  additionalPrinterColumns?: Array<Record<string, unknown>>;
  selectableFields?: Array<Record<string, unknown>>;
}

/** spec.names (and status.acceptedNames). */
export interface CrdNames {
  plural?: string;
  singular?: string;
  shortNames?: string[];
  kind?: string;
  listKind?: string;
  categories?: string[];
}

/** The v1 spec as sent (after defaulting). */
export interface CrdSpec {
  group?: string;
  scope?: string;
  names?: CrdNames;
  versions?: CrdVersion[];
  conversion?: {
    strategy?: string;
    webhook?: { clientConfig?: Record<string, unknown>; conversionReviewVersions?: string[] };
  };
  preserveUnknownFields?: boolean;
}

/** The internal spec: per-version fields every version shares moved to the top level. */
export interface InternalSpec {
  group: string;
  scope: string;
  names: CrdNames;
  versions: CrdVersion[];
  /** The first version's name (internal spec.version). */
  version: string;
  validation?: { openAPIV3Schema?: JsonSchema };
  subresources?: CrdVersion['subresources'];
  additionalPrinterColumns?: CrdVersion['additionalPrinterColumns'];
  preserveUnknownFields: boolean;
  conversion?: {
    strategy: string;
    webhookClientConfig?: Record<string, unknown>;
    conversionReviewVersions?: string[];
  };
}

/** apiequality.Semantic.DeepEqual on the JSON of optional fields: an empty list equals none. */
function same(a: unknown, b: unknown): boolean {
  const normal = (v: unknown): unknown => (Array.isArray(v) && v.length === 0 ? undefined : v);
  return deepEqual(normal(a) ?? null, normal(b) ?? null);
}

/** Convert_v1_CustomResourceDefinitionSpec_To_apiextensions_CustomResourceDefinitionSpec. */
export function internalSpec(spec: CrdSpec): InternalSpec {
  const versions: CrdVersion[] = (Array.isArray(spec.versions) ? spec.versions : []).map((v) =>
    isObject(v) ? { ...v } : {},
  );
  const out: InternalSpec = {
    group: spec.group ?? '',
    scope: spec.scope ?? '',
    names: isObject(spec.names) ? spec.names : {},
    versions,
    version: '',
    preserveUnknownFields: spec.preserveUnknownFields === true,
  };
  if (isObject(spec.conversion)) {
    const webhook = isObject(spec.conversion.webhook) ? spec.conversion.webhook : undefined;
    out.conversion = {
      strategy: spec.conversion.strategy ?? '',
      ...(webhook && isObject(webhook.clientConfig) ? { webhookClientConfig: webhook.clientConfig } : {}),
      ...(webhook && Array.isArray(webhook.conversionReviewVersions)
        ? { conversionReviewVersions: webhook.conversionReviewVersions }
        : {}),
    };
  }
  if (versions.length === 0) return out;
  out.version = typeof versions[0].name === 'string' ? versions[0].name : '';
  const fields = ['schema', 'subresources', 'additionalPrinterColumns', 'selectableFields'] as const;
  for (const field of fields) {
    if (!versions.every((v) => same(v[field], versions[0][field]))) continue;
    const shared = versions[0][field];
    if (field === 'schema') out.validation = shared as InternalSpec['validation'];
    else if (field === 'subresources') out.subresources = shared as InternalSpec['subresources'];
    else if (field === 'additionalPrinterColumns')
      out.additionalPrinterColumns = shared as InternalSpec['additionalPrinterColumns'];
    for (const version of versions) delete version[field];
  }
  return out;
}

const flag = (v: unknown): boolean => v === true;
const orNull = (v: unknown): unknown => (v === undefined ? null : v);
const list = <T>(v: unknown, each: (x: unknown) => T): T[] | null => (Array.isArray(v) ? v.map(each) : null);

/** []apiextensions.CustomResourceDefinitionVersion as encoding/json prints it. */
export function goVersions(versions: readonly CrdVersion[]): unknown {
  return versions.length === 0 ? null : versions.map(goVersion);
}

function goVersion(v: CrdVersion): GoStruct {
  const subresources = isObject(v.subresources) ? v.subresources : undefined;
  const scale = subresources && isObject(subresources.scale) ? subresources.scale : undefined;
  return new Map<string, unknown>([
    ['Name', textOf(v.name)],
    ['Served', flag(v.served)],
    ['Storage', flag(v.storage)],
    ['Deprecated', flag(v.deprecated)],
    ['DeprecationWarning', orNull(v.deprecationWarning)],
    ['Schema', isObject(v.schema) ? new Map([['OpenAPIV3Schema', goSchemaOrNull(v.schema.openAPIV3Schema)]]) : null],
    [
      'Subresources',
      subresources
        ? new Map<string, unknown>([
            ['Status', isObject(subresources.status) ? new Map() : null],
            [
              'Scale',
              scale
                ? new Map([
                    ['SpecReplicasPath', textOf(scale.specReplicasPath)],
                    ['StatusReplicasPath', textOf(scale.statusReplicasPath)],
                    ['LabelSelectorPath', orNull(scale.labelSelectorPath)],
                  ])
                : null,
            ],
          ])
        : null,
    ],
    [
      'AdditionalPrinterColumns',
      list(v.additionalPrinterColumns, (c) => {
        const column = isObject(c) ? c : {};
        return new Map<string, unknown>([
          ['Name', textOf(column.name)],
          ['Type', textOf(column.type)],
          ['Format', textOf(column.format)],
          ['Description', textOf(column.description)],
          ['Priority', typeof column.priority === 'number' ? column.priority : 0],
          ['JSONPath', textOf(column.jsonPath)],
        ]);
      }),
    ],
    [
      'SelectableFields',
      list(v.selectableFields, (f) => new Map([['JSONPath', textOf(isObject(f) ? f.jsonPath : '')]])),
    ],
  ]);
}

const goSchemaOrNull = (s: unknown): unknown => (isObject(s) ? goSchema(s) : null);
const goSchemaMap = (m: unknown): unknown =>
  isObject(m) ? Object.fromEntries(Object.entries(m).map(([k, s]) => [k, goSchema(isObject(s) ? s : {})])) : null;
const goSchemaOrBool = (v: unknown): unknown =>
  v === undefined
    ? null
    : new Map([
        ['Allows', v !== false],
        ['Schema', goSchemaOrNull(v)],
      ]);

/** An apiextensions.JSONSchemaProps as encoding/json prints it (Go field names, every field). */
export function goSchema(s: JsonSchema): GoStruct {
  const items = s.items;
  const docs = isObject(s.externalDocs) ? s.externalDocs : undefined;
  return new Map<string, unknown>([
    ['ID', textOf(s.id)],
    ['Schema', textOf(s.$schema)],
    ['Ref', orNull(s.$ref)],
    ['Description', textOf(s.description)],
    ['Type', textOf(s.type)],
    ['Nullable', flag(s.nullable)],
    ['Format', textOf(s.format)],
    ['Title', textOf(s.title)],
    ['Default', orNull(s.default)],
    ['Maximum', orNull(s.maximum)],
    ['ExclusiveMaximum', flag(s.exclusiveMaximum)],
    ['Minimum', orNull(s.minimum)],
    ['ExclusiveMinimum', flag(s.exclusiveMinimum)],
    ['MaxLength', orNull(s.maxLength)],
    ['MinLength', orNull(s.minLength)],
    ['Pattern', textOf(s.pattern)],
    ['MaxItems', orNull(s.maxItems)],
    ['MinItems', orNull(s.minItems)],
    ['UniqueItems', flag(s.uniqueItems)],
    ['MultipleOf', orNull(s.multipleOf)],
    ['Enum', orNull(s.enum)],
    ['MaxProperties', orNull(s.maxProperties)],
    ['MinProperties', orNull(s.minProperties)],
    ['Required', orNull(s.required)],
    ['Items', goItems(items)],
    ['AllOf', list(s.allOf, (x) => goSchema(isObject(x) ? x : {}))],
    ['OneOf', list(s.oneOf, (x) => goSchema(isObject(x) ? x : {}))],
    ['AnyOf', list(s.anyOf, (x) => goSchema(isObject(x) ? x : {}))],
    ['Not', goSchemaOrNull(s.not)],
    ['Properties', goSchemaMap(s.properties)],
    ['AdditionalProperties', goSchemaOrBool(s.additionalProperties)],
    ['PatternProperties', goSchemaMap(s.patternProperties)],
    [
      'Dependencies',
      isObject(s.dependencies)
        ? Object.fromEntries(
            Object.entries(s.dependencies).map(([k, d]) => [
              k,
              new Map([
                ['Schema', goSchemaOrNull(d)],
                ['Property', Array.isArray(d) ? d : null],
              ]),
            ]),
          )
        : null,
    ],
    ['AdditionalItems', goSchemaOrBool(s.additionalItems)],
    ['Definitions', goSchemaMap(s.definitions)],
    [
      'ExternalDocs',
      docs
        ? new Map([
            ['Description', textOf(docs.description)],
            ['URL', textOf(docs.url)],
          ])
        : null,
    ],
    ['Example', orNull(s.example)],
    ['XPreserveUnknownFields', orNull(s['x-kubernetes-preserve-unknown-fields'])],
    ['XEmbeddedResource', flag(s['x-kubernetes-embedded-resource'])],
    ['XIntOrString', flag(s['x-kubernetes-int-or-string'])],
    ['XListMapKeys', orNull(s['x-kubernetes-list-map-keys'])],
    ['XListType', orNull(s['x-kubernetes-list-type'])],
    ['XMapType', orNull(s['x-kubernetes-map-type'])],
    [
      'XValidations',
      list(s['x-kubernetes-validations'], (r) => {
        const rule = isObject(r) ? r : {};
        return new Map<string, unknown>([
          ['Rule', textOf(rule.rule)],
          ['Message', textOf(rule.message)],
          ['MessageExpression', textOf(rule.messageExpression)],
          ['Reason', orNull(rule.reason)],
          ['FieldPath', textOf(rule.fieldPath)],
          ['OptionalOldSelf', orNull(rule.optionalOldSelf)],
        ]);
      }),
    ],
  ]);
}

/** An apiextensions.JSONSchemaPropsOrArray as encoding/json prints it. */
export function goItems(items: unknown): unknown {
  if (items === undefined) return null;
  return new Map([
    ['Schema', goSchemaOrNull(items)],
    ['JSONSchemas', Array.isArray(items) ? items.map((x) => goSchema(isObject(x) ? x : {})) : null],
  ]);
}
