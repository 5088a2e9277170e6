import { crdConditionTrue } from './crd-validation';
import { decodeCustomResource, pruningSchema } from './custom-resource-decode';
import {
  validateCustomResource,
  validateCustomResourceStatus,
  type CustomResourceRules,
  type ScaleSubresource,
} from './custom-resource-validation';
import { isObject, type KubeObject } from './object';
import type { OpenApiSchema } from './openapi/field-validation';
import {
  ALL_VERBS,
  SCALE_SUBRESOURCE,
  STATUS_SUBRESOURCE,
  type ColumnDefinition,
  type ResourceType,
  type Subresource,
} from './resource';
import { AGE_COLUMN, age, column, NAME_COLUMN, translateTimestampSince } from './table';

type PrinterColumn = {
  name?: string;
  type?: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath?: string;
};
type CrdVersion = {
  name?: string;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
  served?: boolean;
  subresources?: { status?: unknown; scale?: unknown };
  additionalPrinterColumns?: PrinterColumn[];
};
type CrdSpec = {
  group?: string;
  scope?: string;
  names?: { plural?: string; singular?: string; kind?: string; shortNames?: string[]; categories?: string[] };
  versions?: CrdVersion[];
};

/** The value at a printer column's simple JSONPath (`.spec.replicas`, `.status.conditions[0].type`). */
export function simpleJsonPath(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const step of path.replace(/^\{?\.?|\}?$/g, '').split(/\.|(?=\[)/)) {
    if (step === '') continue;
    const index = /^\[(\d+)\]$/.exec(step);
    if (index) current = Array.isArray(current) ? current[Number(index[1])] : undefined;
    else current = isObject(current) ? current[step] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** One printer column's cell: dates as ages, objects as JSON, missing values empty. */
function cell(column: PrinterColumn, object: KubeObject, now: number): unknown {
  const value = simpleJsonPath(object, column.jsonPath ?? '');
  if (value === undefined || value === null) return null;
  if (column.type === 'date') return translateTimestampSince(value, { now });
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** A custom resource's table: Name, then its printer columns, or Name and Age without any. */
function customTable(columns: PrinterColumn[]): ResourceType['table'] {
  if (columns.length === 0) {
    return {
      columns: [NAME_COLUMN, AGE_COLUMN],
      row: (object, context) => [object.metadata?.name ?? '', age(object, context)],
    };
  }
  const definitions: ColumnDefinition[] = columns.map((c) =>
    column(
      c.name ?? '',
      (c.type ?? 'string') as ColumnDefinition['type'],
      c.description ?? '',
      c.priority ?? 0,
      c.format ?? '',
    ),
  );
  return {
    columns: [NAME_COLUMN, ...definitions],
    row: (object, context) => [object.metadata?.name ?? '', ...columns.map((c) => cell(c, object, context.now))],
  };
}

/**
 * The resources that established CustomResourceDefinitions serve, one per served version: their
 * accepted names, scope, status and scale subresources and printer columns, as the apiextensions
 * server exposes them. Their objects are pruned, defaulted and validated against the version's
 * structural schema (custom-resource-decode.ts, custom-resource-validation.ts).
 */
export function customResourceTypes(crds: readonly KubeObject[]): ResourceType[] {
  const types: ResourceType[] = [];
  for (const crd of crds) {
    if (crd.metadata?.deletionTimestamp || !crdConditionTrue(crd, 'Established')) continue;
    const spec = (isObject(crd.spec) ? crd.spec : {}) as CrdSpec;
    const accepted = (crd.status as { acceptedNames?: CrdSpec['names'] } | undefined)?.acceptedNames;
    const names = isObject(accepted) && accepted.plural ? accepted : (spec.names ?? {});
    if (!spec.group || !names.plural || !names.kind) continue;
    for (const version of spec.versions ?? []) {
      if (!version.name || version.served === false) continue;
      const subresources: Subresource[] = [];
      if (version.subresources?.scale) subresources.push(SCALE_SUBRESOURCE);
      if (version.subresources?.status) subresources.push(STATUS_SUBRESOURCE);
      const schema = isObject(version.schema?.openAPIV3Schema) ? version.schema.openAPIV3Schema : undefined;
      const scale = isObject(version.subresources?.scale)
        ? (version.subresources.scale as ScaleSubresource)
        : undefined;
      const rules: CustomResourceRules = { schema, scale };
      types.push({
        group: spec.group,
        version: version.name,
        kind: names.kind,
        plural: names.plural,
        singular: names.singular || names.kind.toLowerCase(),
        namespaced: spec.scope !== 'Cluster',
        ...(names.shortNames?.length ? { shortNames: names.shortNames } : {}),
        ...(names.categories?.length ? { categories: names.categories } : {}),
        verbs: ALL_VERBS,
        ...(subresources.length ? { subresources } : {}),
        hasStatus: Boolean(version.subresources?.status),
        // apiextensions-apiserver pkg/registry/customresource/strategy.go: any change but metadata.
        generation: { fields: 'content' },
        ...(schema
          ? {
              schema,
              decode: (object: KubeObject) => decodeCustomResource(object, schema),
            }
          : {}),
        validate: (object, old) => validateCustomResource(object, old, rules),
        validateStatus: (object, old) => validateCustomResourceStatus(object, old, rules),
        table: customTable(version.additionalPrinterColumns ?? []),
      });
    }
  }
  return types;
}

/**
 * The schema server-side field validation checks a custom resource against: what structural
 * pruning keeps of it, the fields every object has (apiVersion, kind, metadata) included.
 */
export function customResourceSchema(schema: Record<string, unknown>): OpenApiSchema {
  return pruningSchema(schema);
}
