import type { ApiHandler } from '../../api/types';
import { listAll } from './api-reads';
import { timestampSince } from './go-format';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';
import type { CoreEvent } from './types';

/** What searchEvents matches on: the involved object's reference. */
export interface EventTarget {
  name: string;
  namespace: string;
  /** Left out of the selector when empty (the pod describer clears it). */
  kind: string;
  uid: string;
}

/**
 * searchEvents: the core/v1 events about `target`, listed in its namespace (every namespace for
 * a cluster-scoped object) with a field selector on involvedObject's kind, name, namespace and
 * uid (sorted by key, as fields.Set.AsSelector does), followed page by page. A failure gives
 * what was read before it (usually nothing: `Events: <none>`), as kubectl ignores the error.
 */
export async function searchEvents(api: ApiHandler, target: EventTarget, chunkSize: number): Promise<CoreEvent[]> {
  const terms = [
    ...(target.kind ? [`involvedObject.kind=${target.kind}`] : []),
    `involvedObject.name=${target.name}`,
    `involvedObject.namespace=${target.namespace}`,
    ...(target.uid ? [`involvedObject.uid=${target.uid}`] : []),
  ];
  const path = target.namespace ? `/api/v1/namespaces/${target.namespace}/events` : '/api/v1/events';
  return listAll<CoreEvent>(api, path, { fieldSelector: terms.join(',') }, chunkSize).catch(() => []);
}

const eventTime = (value: string | undefined): number => (value ? Date.parse(value) : -Infinity);

/**
 * DescribeEvents: `Events:  <none>`, or (after a flush, so the table aligns on its own) the
 * `Type Reason Age From Message` table sorted by lastTimestamp, with `(xN over AGE)` for
 * repeated events and series; ages are computed from `now`.
 */
export function describeEvents(events: CoreEvent[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => eventTime(a.lastTimestamp) - eventTime(b.lastTimestamp));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? timestampSince(e.eventTime, now) : timestampSince(e.firstTimestamp, now);
    let interval = first;
    if (e.series)
      interval = `${timestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${timestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
