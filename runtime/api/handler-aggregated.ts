/** Resources an aggregated API server serves (metrics.k8s.io): get and list, answered by it, never stored. */
import { selected } from './object-list';
import { groupVersion, type Verb } from './resource';
import { checkAccept, reply, type VerbHandler } from './handler-context';
import { listOptions } from './handler-list-watch';
import { includeObject, respond } from './respond';
import { methodNotSupported, pathNotFound } from './status';
import { errorTarget } from './store-errors';
import { toTable, wantsTable } from './table-response';

/**
 * get and list of an aggregated resource: the backend answers, the label and field selectors
 * filter a list, Tables as for any resource; other verbs are refused with 405 (no watch).
 */
export const serveAggregated: VerbHandler = (ctx, request, info, type, namespace) => {
  const backend = type.aggregated;
  if (!backend || info.subresource) throw pathNotFound();
  if (!type.verbs.includes(info.verb as Verb)) throw methodNotSupported(errorTarget(type), info.verb);
  if (info.verb === 'get') return reply(ctx, request, type, 200, backend.get(namespace, info.name as string));
  if (info.verb !== 'list') throw methodNotSupported(errorTarget(type), info.verb);
  checkAccept(request);
  const options = listOptions(info, type, namespace);
  const items = backend.list(namespace).filter((object) => selected(type, object, options));
  if (wantsTable(request.headers?.accept)) {
    return respond(
      request,
      200,
      toTable(type, items, { now: ctx.clock.now() }, { include: includeObject(info.query) }),
    );
  }
  return respond(request, 200, { kind: `${type.kind}List`, apiVersion: groupVersion(type), metadata: {}, items });
};
