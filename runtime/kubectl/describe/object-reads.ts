import { collectionPath, getJson } from './api-reads';
import type { DescribeContext } from './context';
import { searchEvents } from './events';
import type { CoreEvent, KubeObject } from './types';

/** GETs the described object itself (the resource's group and version, as discovery gave them). */
export function getDescribed<T extends KubeObject>(ctx: DescribeContext): Promise<T> {
  const { group, version, resource } = ctx.resource;
  const namespace = ctx.resource.namespaced ? ctx.namespace : undefined;
  return getJson<T>(ctx.api, `${collectionPath(group, version, resource, namespace)}/${ctx.name}`);
}

/**
 * The events about `object` when --show-events is on (undefined otherwise, for no Events
 * section): searchEvents by the object's kind, name, namespace and UID.
 */
export async function objectEvents(
  ctx: DescribeContext,
  object: KubeObject,
  kind = ctx.resource.kind,
): Promise<CoreEvent[] | undefined> {
  if (!ctx.options.showEvents) return undefined;
  const { name = ctx.name, namespace = '', uid = '' } = object.metadata;
  return searchEvents(ctx.api, { kind, name, namespace, uid }, ctx.options.chunkSize);
}
