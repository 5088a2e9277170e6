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

function rowJson(type: ResourceType, cells: unknown[], object: KubeObject, include: IncludeObject): string {
  let json = `{"cells":${JSON.stringify(cells)}`;
  const phase = type.plural === 'pods' ? (object.status as { phase?: string } | undefined)?.phase : undefined;
  if (phase && COMPLETED[phase])
    json += `,"conditions":${JSON.stringify([{ type: 'Completed', status: 'True', ...COMPLETED[phase] }])}`;
  if (include !== 'None') json += `,"object":${objectJson(object, include)}`;
  return `${json}}`;
}

/**
 * The same Table as toTable, serialised in pieces, one a row: the hot path of `kubectl get` on
 * large lists. A row's object (its metadata, managedFields and all) is serialised once per
 * stored version and shared by every list, and adapters write the pieces out one by one, as
 * the real API server streams its encoding, never building one string of megabytes.
 */
export function tableJson(
  type: ResourceType,
  objects: readonly KubeObject[],
  context: PrintContext,
  options: { include: IncludeObject; resourceVersion?: string; continueToken?: string; remainingItemCount?: number },
): string[] {
  const table = type.table ?? DEFAULT_TABLE;
  const metadata: Record<string, unknown> = {};
  if (options.resourceVersion) metadata.resourceVersion = options.resourceVersion;
  if (options.continueToken) metadata.continue = options.continueToken;
  if (options.remainingItemCount !== undefined) metadata.remainingItemCount = options.remainingItemCount;
  const head = JSON.stringify({
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: table.columns,
  });
  const pieces = [`${head.slice(0, -1)},"rows":[`];
  objects.forEach((object, i) => {
    const row = rowJson(type, table.row(object, context), object, options.include);
    pieces.push(i === 0 ? row : `,${row}`);
  });
  pieces.push(']}');
  return pieces;
}
