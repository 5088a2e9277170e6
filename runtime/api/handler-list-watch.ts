/** The list and watch verbs: list options from the query, lists as JSON or a Table, watch streams. */
import { selectableFieldNames, type ListOptions } from './object-list';
import type { RequestInfo } from './request-info';
import { groupVersion, type ResourceType } from './resource';
import { checkAccept, type VerbHandler } from './handler-context';
import { includeObject, respond, respondJson, watchTimeout } from './respond';
import { parseFieldSelector, parseLabelSelector, SelectorError } from './selectors';
import { badRequest, StatusError } from './status';
import { ChunkStream } from './stream';
import { tableJson, toTable, wantsTable } from './table-response';
import type { WatchEvent } from './watch-events';

/** The list's selection and paging from the query; 400 for a selector that does not parse or names an unknown field. */
export function listOptions(info: RequestInfo, type: ResourceType, namespace: string | undefined): ListOptions {
  const options: ListOptions = { namespace };
  try {
    const label = info.query.get('labelSelector');
    if (label) options.labelSelector = parseLabelSelector(label);
    const field = info.query.get('fieldSelector');
    if (field) {
      const selector = parseFieldSelector(field);
      const allowed = selectableFieldNames(type);
      for (const r of selector.requirements) {
        if (!allowed.has(r.field)) {
          throw badRequest(`field label not supported: ${r.field}`);
        }
      }
      options.fieldSelector = selector;
    }
  } catch (error) {
    if (error instanceof SelectorError) throw badRequest(error.message);
    throw error;
  }
  const limit = Number(info.query.get('limit') ?? 0);
  if (Number.isInteger(limit) && limit > 0) options.limit = limit;
  const token = info.query.get('continue');
  if (token) options.continueToken = token;
  return options;
}

/** A list: `<Kind>List` (or a Table) with the page's resourceVersion, continue token and remaining count. */
export const serveList: VerbHandler = (ctx, request, info, type, namespace) => {
  checkAccept(request);
  const result = ctx.objects.list(type, listOptions(info, type, namespace));
  if (wantsTable(request.headers?.accept)) {
    const table = tableJson(
      type,
      result.items,
      { now: ctx.clock.now() },
      { ...result, include: includeObject(info.query) },
    );
    return respondJson(request, 200, table);
  }
  const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
  if (result.continueToken) metadata.continue = result.continueToken;
  if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  return respond(request, 200, {
    kind: `${type.kind}List`,
    apiVersion: groupVersion(type),
    metadata,
    items: result.items,
  });
};

/**
 * A watch: a stream of `{"type","object"}` lines. From resourceVersion 0 (or none) it starts
 * with a synthetic ADDED per current object; from a list's resourceVersion, with what changed
 * since. timeoutSeconds ends it on the cluster clock.
 */
export const serveWatch: VerbHandler = (ctx, request, info, type, namespace) => {
  const options = listOptions(info, type, namespace);
  const table = wantsTable(request.headers?.accept);
  const include = includeObject(info.query);
  const stream = new ChunkStream();
  let first = true;
  const send = (event: { type: string; object: unknown }): void => stream.pushValue(event);
  const emit = ({ type: eventType, object }: WatchEvent): void => {
    const body = table ? toTable(type, [object], { now: ctx.clock.now() }, { include, columns: first }) : object;
    first = false;
    send({ type: eventType, object: body });
  };
  const bookmarks = info.query.flag('allowWatchBookmarks');
  const bookmark = (annotations?: Record<string, string>): void =>
    send({
      type: 'BOOKMARK',
      object: {
        kind: type.kind,
        apiVersion: groupVersion(type),
        metadata: { resourceVersion: String(ctx.objects.revision()), ...(annotations ? { annotations } : {}) },
      },
    });
  const rv = info.query.get('resourceVersion');
  const initialEvents = info.query.flag('sendInitialEvents');
  let after: number;
  if (!rv || rv === '0' || initialEvents) {
    const { items } = ctx.objects.list(type, { ...options, limit: undefined, continueToken: undefined });
    after = ctx.objects.revision();
    for (const object of items) emit({ type: 'ADDED', object });
    // Streaming lists (sendInitialEvents) mark the end of the initial state with a bookmark.
    if (initialEvents && bookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
  } else {
    after = Number(rv);
    if (!Number.isInteger(after) || after < 0)
      throw badRequest(`Invalid value: "${rv}": resourceVersion must be an integer`);
  }
  try {
    const watch = ctx.objects.watch(type, options, after, emit);
    stream.whenClosed(() => watch.cancel());
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    send({ type: 'ERROR', object: error.status });
    stream.close();
  }
  if (bookmarks) {
    // Like the watch cache, a bookmark about once a minute tells the client how far it is.
    const tick = (): void => {
      bookmark();
      timer = ctx.clock.setTimer(60_000, tick);
    };
    let timer = ctx.clock.setTimer(60_000, tick);
    stream.whenClosed(() => timer.cancel());
  }
  const timeout = watchTimeout(info.query);
  if (timeout > 0) {
    const timer = ctx.clock.setTimer(timeout * 1000, () => stream.close());
    stream.whenClosed(() => timer.cancel());
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: '', stream };
};
