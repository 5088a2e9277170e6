import type { KubeObject } from '../object';
import { resourceType, type ResourceType } from '../resource';
import { column, translateTimestampSince } from '../table';

/** The events.k8s.io/v1 fields the table reads (the core Event's, renamed and deprecated ones). */
type Event = {
  regarding?: { kind?: string; name?: string; fieldPath?: string };
  reason?: string;
  note?: string;
  type?: string;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  reportingController?: string;
  reportingInstance?: string;
  deprecatedSource?: { component?: string; host?: string };
  deprecatedFirstTimestamp?: string | null;
  deprecatedLastTimestamp?: string | null;
  deprecatedCount?: number;
};

/** events.k8s.io/v1 field names and their core/v1 Event counterparts (pkg/apis/events/v1 conversion). */
const RENAMED: ReadonlyArray<[string, string]> = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];

function rename(object: KubeObject, pairs: ReadonlyArray<readonly [string, string]>): KubeObject {
  const out: KubeObject = {};
  const names = new Map(pairs);
  for (const [key, value] of Object.entries(object)) out[names.get(key) ?? key] = value;
  return out;
}

/** An events.k8s.io/v1 Event as the core Event it is stored as. */
function toCoreEvent(event: KubeObject): KubeObject {
  return rename(event, RENAMED);
}

/** A stored core Event as events.k8s.io/v1 shows it. */
function fromCoreEvent(event: KubeObject): KubeObject {
  return rename(
    event,
    RENAMED.map(([v1, core]) => [core, v1] as const),
  );
}

/**
 * events.k8s.io/v1 Event. The apiserver stores both Event APIs as one internal kind and prints
 * them with the same printer, so this table is the core Event's, read from the v1 field names.
 */
export const eventsK8sIo: ResourceType = resourceType('Event', 'events', 'events.k8s.io/v1', {
  namespaced: true,
  shortNames: ['ev'],
  storage: { group: '', plural: 'events', toStored: toCoreEvent, fromStored: fromCoreEvent },
  table: {
    columns: [
      column('Last Seen', 'string', 'The last time this event was observed.'),
      column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future.'),
      column('Reason', 'string', 'Why the action was taken, in a short machine-readable form.'),
      column('Object', 'string', 'The object this event is about.'),
      column('Subobject', 'string', 'The part of the object this event is about.', 1),
      column('Source', 'string', 'The component reporting this event.', 1),
      column('Message', 'string', 'A human-readable description of the status of this operation.'),
      column('First Seen', 'string', 'The time at which the event was first recorded.', 1),
      column('Count', 'string', 'The number of times this event has occurred.', 1),
      column('Name', 'string', 'Name must be unique within a namespace.', 1, 'name'),
    ],
    row(object, context) {
      const event = object as Event;
      const first = event.deprecatedFirstTimestamp
        ? translateTimestampSince(event.deprecatedFirstTimestamp, context)
        : translateTimestampSince(event.eventTime, context);
      let last = event.deprecatedLastTimestamp
        ? translateTimestampSince(event.deprecatedLastTimestamp, context)
        : first;
      let count = event.deprecatedCount ?? 0;
      if (event.series) {
        last = translateTimestampSince(event.series.lastObservedTime, context);
        count = event.series.count ?? 0;
      } else if (count === 0) {
        count = 1; // a singleton event has no count in this API
      }
      const regarding = event.regarding ?? {};
      const kind = (regarding.kind ?? '').toLowerCase();
      const component = event.deprecatedSource?.component || event.reportingController || '';
      const host = event.deprecatedSource?.host || event.reportingInstance || '';
      return [
        last,
        event.type ?? '',
        event.reason ?? '',
        regarding.name ? `${kind}/${regarding.name}` : kind,
        regarding.fieldPath ?? '',
        host ? `${component}, ${host}` : component,
        (event.note ?? '').trim(),
        first,
        count,
        object.metadata?.name ?? '',
      ];
    },
  },
});
