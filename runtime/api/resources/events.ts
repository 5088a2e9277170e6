import type { ResourceType } from '../resource';
import { column, translateTimestampSince } from '../table';
import { resourceType } from '../resource';

type Event = {
  involvedObject?: Record<string, string>;
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  source?: { component?: string; host?: string };
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  reportingComponent?: string;
};

/** core/v1 Event, printed as `kubectl get events` shows it. */
export const events: ResourceType = resourceType('Event', 'events', 'v1', {
  namespaced: true,
  shortNames: ['ev'],
  table: {
    columns: [
      column('Last Seen', 'string', 'The last time this event was observed.'),
      column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future.'),
      column(
        'Reason',
        'string',
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ),
      column('Object', 'string', 'The object that this event is about.'),
      column('Subobject', 'string', 'The subobject of the object that this event is about.', 1),
      column(
        'Source',
        'string',
        'The component reporting this event. Should be a short machine understandable string.',
        1,
      ),
      column('Message', 'string', 'A human-readable description of the status of this operation.'),
      column('First Seen', 'string', 'The time at which the event was first recorded.', 1),
      column('Count', 'string', 'The number of times this event has occurred.', 1),
      column('Name', 'string', 'Name must be unique within a namespace.', 1, 'name'),
    ],
    row(object, context) {
      const event = object as Event;
      const last = event.series?.lastObservedTime ?? event.lastTimestamp ?? event.firstTimestamp ?? event.eventTime;
      const first = event.firstTimestamp ?? event.eventTime;
      const involved = event.involvedObject ?? {};
      const source = event.source?.component
        ? event.source.host
          ? `${event.source.component}, ${event.source.host}`
          : event.source.component
        : (event.reportingComponent ?? '');
      return [
        translateTimestampSince(last, context),
        event.type ?? '',
        event.reason ?? '',
        involved.name ? `${(involved.kind ?? '').toLowerCase()}/${involved.name}` : (involved.kind ?? '').toLowerCase(),
        involved.fieldPath ?? '',
        source,
        (event.message ?? '').trim(),
        translateTimestampSince(first, context),
        event.series?.count || event.count || 1,
        object.metadata?.name ?? '',
      ];
    },
  },
  selectableFields(object) {
    const event = object as Event;
    const involved = event.involvedObject ?? {};
    const fields: Record<string, string> = {
      reason: event.reason ?? '',
      reportingComponent: event.reportingComponent ?? '',
      source: event.source?.component ?? '',
      type: event.type ?? '',
    };
    for (const key of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) {
      fields[`involvedObject.${key}`] = involved[key] ?? '';
    }
    return fields;
  },
});
