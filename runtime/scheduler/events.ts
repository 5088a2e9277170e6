import type { Clock } from '../clock';
import type { RestClient, ResourceRef } from '../client/rest-client';
import { eventName, referenceOf, type ObjectReference } from '../controllers/events';
import type { KubeObject } from '../api/object';

/** events.k8s.io/v1 events, as the scheduler's recorder writes them. */
export const EVENTS_V1: ResourceRef = {
  group: 'events.k8s.io',
  version: 'v1',
  resource: 'events',
  kind: 'Event',
  namespaced: true,
};

/** An events.k8s.io/v1 Event (field order as eventsv1.Event). */
export interface EventV1 extends KubeObject {
  metadata: { name: string; namespace: string };
  eventTime: string;
  series?: { count: number; lastObservedTime: string };
  reportingController: string;
  reportingInstance: string;
  action: string;
  reason: string;
  regarding: ObjectReference;
  note: string;
  type: 'Normal' | 'Warning';
}

/** client-go tools/events: a series ends when nothing is observed for 6 minutes (finishTime). */
const FINISH_TIME_MS = 6 * 60_000;
/** maxNoteLength of events.k8s.io/v1. */
const MAX_NOTE_LENGTH = 1024;

/** metav1.MicroTime as JSON: RFC 3339 with microseconds. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/**
 * A minimal client-go `tools/events` recorder (the one kube-scheduler uses, reporting as
 * `default-scheduler` from instance `default-scheduler-<hostname>`): an event is created once;
 * an isomorphic one (same regarding object, action, reason and controller — not the note)
 * within 6 minutes turns it into a series, patched with its count and lastObservedTime.
 * Upstream patches a running series every 30 minutes; kubeplay patches at each occurrence.
 */
export class EventRecorderV1 {
  private readonly series = new Map<string, { event: EventV1; last: number }>();
  private chain: Promise<void> = Promise.resolve();
  private lastMs = -1;
  private sequence = 0;
  private stopped = false;
  /** Every body it sends is built for that one request. */
  private readonly writer: RestClient;

  constructor(
    client: RestClient,
    private readonly clock: Clock,
    private readonly reportingController: string,
    private readonly reportingInstance: string,
  ) {
    this.writer = client.withOptions({ handOverBodies: true });
  }

  /** Records `reason`/`action` about `object` (EventRecorder.Eventf). */
  eventf(object: KubeObject, type: 'Normal' | 'Warning', reason: string, action: string, note: string): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const regarding = referenceOf(object);
    const key = JSON.stringify([regarding, action, reason, this.reportingController, this.reportingInstance, type]);
    const existing = this.series.get(key);
    if (existing && now - existing.last <= FINISH_TIME_MS) {
      existing.last = now;
      const count = (existing.event.series?.count ?? 1) + 1;
      existing.event.series = { count, lastObservedTime: microTime(now) };
      const { name, namespace } = existing.event.metadata;
      const patch = { series: existing.event.series };
      this.enqueue(() => this.writer.resource(EVENTS_V1, namespace).patch(name, 'merge', patch));
      return;
    }
    this.sequence = now === this.lastMs ? this.sequence + 1 : 0;
    this.lastMs = now;
    const event: EventV1 = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: {
        name: eventName(regarding.name ?? '', now, this.sequence),
        namespace: regarding.namespace || 'default',
      },
      eventTime: microTime(now),
      reportingController: this.reportingController,
      reportingInstance: this.reportingInstance,
      action,
      reason,
      regarding,
      note: note.length > MAX_NOTE_LENGTH ? note.slice(0, MAX_NOTE_LENGTH - 3) + '...' : note,
      type,
    };
    this.series.set(key, { event, last: now });
    // The series keeps `event` (and changes its top level): the server gets a copy of that level.
    const body = { ...event, metadata: { ...event.metadata } };
    this.enqueue(() => this.writer.resource<EventV1>(EVENTS_V1, event.metadata.namespace).create(body));
  }

  /** Resolves once every event recorded so far is written (or failed). */
  flush(): Promise<void> {
    return this.chain;
  }

  /** Stops recording. */
  shutdown(): void {
    this.stopped = true;
  }

  private enqueue(write: () => Promise<unknown>): void {
    this.chain = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        await write();
      } catch {
        // A refused event is dropped, as the broadcaster drops it after its retries.
      }
    });
  }
}
