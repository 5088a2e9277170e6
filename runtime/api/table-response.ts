import type { KubeObject } from './object';
import type { PrintContext, ResourceType } from './resource';
import { DEFAULT_TABLE } from './table';

/** What a Table row carries as its object (`includeObject`). */
export type IncludeObject = 'Metadata' | 'Object' | 'None';

/** The Accept header asks for a meta.k8s.io Table. */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => /as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
}

const COMPLETED: Record<string, { reason: string; message: string }> = {
  Succeeded: { reason: 'Succeeded', message: 'The pod has completed successfully.' },
  Failed: { reason: 'Failed', message: 'The pod failed.' },
};

function row(type: ResourceType, object: KubeObject, context: PrintContext, include: IncludeObject): unknown {
  const table = type.table ?? DEFAULT_TABLE;
  const result: Record<string, unknown> = { cells: table.row(object, context) };
  const phase = type.plural === 'pods' ? (object.status as { phase?: string } | undefined)?.phase : undefined;
  if (phase && COMPLETED[phase]) result.conditions = [{ type: 'Completed', status: 'True', ...COMPLETED[phase] }];
  if (include === 'Object') result.object = object;
  else if (include === 'Metadata') {
    result.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
  }
  return result;
}

/**
 * A meta.k8s.io/v1 Table of `objects`, as the API server prints it: every column (priority 1
 * too; kubectl hides them unless -o wide) and a row per object.
 */
export function toTable(
  type: ResourceType,
  objects: readonly KubeObject[],
  context: PrintContext,
  options: {
    include: IncludeObject;
    resourceVersion?: string;
    continueToken?: string;
    remainingItemCount?: number;
    columns?: boolean;
  },
): unknown {
  const table = type.table ?? DEFAULT_TABLE;
  const metadata: Record<string, unknown> = {};
  if (options.resourceVersion) metadata.resourceVersion = options.resourceVersion;
  if (options.continueToken) metadata.continue = options.continueToken;
  if (options.remainingItemCount !== undefined) metadata.remainingItemCount = options.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: options.columns === false ? null : table.columns,
    rows: objects.map((object) => row(type, object, context, options.include)),
  };
}

/** Each stored object's row object, serialised once (presented objects are shared and frozen). */
const rowObjectJson = new WeakMap<KubeObject, string>();

function objectJson(object: KubeObject, include: IncludeObject): string {
  if (include === 'Object') return JSON.stringify(object);
  let json = rowObjectJson.get(object);
  if (json === undefined) {
    json = JSON.stringify({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata });
    rowObjectJson.set(object, json);
  }
  return json;
}

/**
 * The same Table as toTable, serialised: the hot path of `kubectl get` on large lists, where the
 * row objects' metadata (managedFields and all) is serialised once per stored version, not once
 * per list.
 */
export function tableJson(
  type: ResourceType,
  objects: readonly KubeObject[],
  context: PrintContext,
  options: { include: IncludeObject; resourceVersion?: string; continueToken?: string; remainingItemCount?: number },
): string {
  const table = type.table ?? DEFAULT_TABLE;
  const metadata: Record<string, unknown> = {};
  if (options.resourceVersion) metadata.resourceVersion = options.resourceVersion;
  if (options.continueToken) metadata.continue = options.continueToken;
  if (options.remainingItemCount !== undefined) metadata.remainingItemCount = options.remainingItemCount;
  const rows = objects.map((object) => {
    let json = `{"cells":${JSON.stringify(table.row(object, context))}`;
    const phase = type.plural === 'pods' ? (object.status as { phase?: string } | undefined)?.phase : undefined;
    if (phase && COMPLETED[phase])
      json += `,"conditions":${JSON.stringify([{ type: 'Completed', status: 'True', ...COMPLETED[phase] }])}`;
    if (options.include !== 'None') json += `,"object":${objectJson(object, options.include)}`;
    return `${json}}`;
  });
  const head = JSON.stringify({
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: table.columns,
  });
  const prefix = `${head.slice(0, -1)},"rows":[`;
  if (rows.length === 0) return `${prefix}]}`;
  // One join builds the body flat: wrapping a joined string would copy its megabytes again.
  rows[0] = prefix + rows[0];
  rows[rows.length - 1] += ']}';
  return rows.join(',');
}
