import type { KubeObject } from '../api/object';
import { StatusError } from '../api/status';
import type { Clock } from '../clock';
import type { RestClient } from '../client/rest-client';
import { EVENTS } from '../client/resources';
import type { Rng } from '../rng';
import { formatTime } from '../util/time';

/** v1.EventSource: who reports. */
export interface EventSource {
  component: string;
  host?: string;
}

/** v1.ObjectReference as ref.GetReference fills it for an event's involvedObject. */
export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** A core/v1 Event as client-go's recorder writes it (field order as v1.Event). */
export interface CoreEvent extends KubeObject {
  metadata: { name: string; namespace: string; annotations?: Record<string, string>; resourceVersion?: string };
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  source: EventSource;
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: 'Normal' | 'Warning';
  eventTime: null;
  reportingComponent: string;
  reportingInstance: string;
}

// tools/record/events_cache.go and event.go defaults.
const MAX_LRU_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_QPS = 1 / 300;
const MAX_TRIES_PER_EVENT = 12;
const SLEEP_MS = 10_000;
const MAX_QUEUED_EVENTS = 1000;

/** A map that forgets its least recently used entry past `limit` (k8s.io/utils/lru). */
class Lru<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as string);
  }
}

const join = (parts: Array<string | undefined>): string => parts.map((p) => p ?? '').join('');

/** getEventKey: identical events share it and become one event with a count. */
function eventKey(e: CoreEvent): string {
  const o = e.involvedObject;
  return join([
    e.source.component,
    e.source.host,
    o.kind,
    o.namespace,
    o.name,
    o.fieldPath,
    o.uid,
    o.apiVersion,
    e.type,
    e.reason,
    e.message,
  ]);
}

/** getSpamKey: one token bucket per source, object and type. */
function spamKey(e: CoreEvent): string {
  const o = e.involvedObject;
  return join([e.source.component, e.source.host, o.kind, o.namespace, o.name, o.uid, o.apiVersion, e.type]);
}

/** EventAggregatorByReasonFunc: events alike but for their message. */
function aggregateKey(e: CoreEvent): string {
  const o = e.involvedObject;
  return join([
    e.source.component,
    e.source.host,
    o.kind,
    o.namespace,
    o.name,
    o.uid,
    o.apiVersion,
    e.type,
    e.reason,
    e.reportingComponent,
    e.reportingInstance,
  ]);
}

/**
 * The event correlator of client-go's broadcaster (EventCorrelator): a spam filter (a token bucket
 * of 25 per source, object and type, refilled once every 5 minutes), an aggregator (the 10th
 * distinct message of one reason within 10 minutes turns into one "(combined from similar
 * events): …" event) and a logger that turns a repeat into a patch of count, lastTimestamp and
 * message of the event already written.
 */
class EventCorrelator {
  private readonly spam = new Lru<{ tokens: number; last: number }>(MAX_LRU_ENTRIES);
  private readonly aggregates = new Lru<{ messages: Set<string>; last: number }>(MAX_LRU_ENTRIES);
  private readonly seen = new Lru<{ count: number; firstTimestamp: string; name: string }>(MAX_LRU_ENTRIES);

  constructor(
    private readonly clock: Clock,
    /** A fresh event name for an object, as the recorder makes them. */
    private readonly nameFor: (objectName: string) => string,
  ) {}

  correlate(event: CoreEvent): { event: CoreEvent; patch?: Record<string, unknown> } | undefined {
    const { event: aggregated, key } = this.aggregate(event);
    const observed = { ...aggregated, metadata: { ...aggregated.metadata } };
    const last = this.seen.get(key);
    let patch: Record<string, unknown> | undefined;
    if (last) {
      observed.metadata.name = last.name;
      observed.firstTimestamp = last.firstTimestamp;
      observed.count = last.count + 1;
      // CreateTwoWayMergePatch against the event with count, lastTimestamp and message cleared.
      patch = { count: observed.count, lastTimestamp: observed.lastTimestamp, message: observed.message };
    }
    this.seen.set(key, {
      count: observed.count,
      firstTimestamp: observed.firstTimestamp,
      name: observed.metadata.name,
    });
    if (!this.acceptSpam(observed)) return undefined;
    return { event: observed, patch };
  }

  /** Records what the server holds now (UpdateState). */
  written(event: CoreEvent): void {
    this.seen.set(eventKey(event), {
      count: event.count,
      firstTimestamp: event.firstTimestamp,
      name: event.metadata.name,
    });
  }

  private aggregate(event: CoreEvent): { event: CoreEvent; key: string } {
    const now = this.clock.now();
    const key = aggregateKey(event);
    let record = this.aggregates.get(key);
    if (!record || now - record.last > AGGREGATE_INTERVAL_MS) record = { messages: new Set(), last: now };
    record.messages.add(event.message);
    record.last = now;
    this.aggregates.set(key, record);
    if (record.messages.size < AGGREGATE_MAX_EVENTS) return { event, key: eventKey(event) };
    // PopAny: Go takes an arbitrary message; kubeplay the oldest, to stay deterministic.
    record.messages.delete(record.messages.values().next().value as string);
    const combined: CoreEvent = {
      metadata: { name: this.nameFor(event.involvedObject.name ?? ''), namespace: event.metadata.namespace },
      involvedObject: event.involvedObject,
      reason: event.reason,
      message: `(combined from similar events): ${event.message}`,
      source: event.source,
      firstTimestamp: formatTime(now),
      lastTimestamp: formatTime(now),
      count: 1,
      type: event.type,
      eventTime: null,
      reportingComponent: '',
      reportingInstance: '',
    };
    return { event: combined, key };
  }

  private acceptSpam(event: CoreEvent): boolean {
    const now = this.clock.now();
    const key = spamKey(event);
    const bucket = this.spam.get(key) ?? { tokens: SPAM_BURST, last: now };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + ((now - bucket.last) / 1000) * SPAM_QPS);
    bucket.last = now;
    const accepted = bucket.tokens >= 1;
    if (accepted) bucket.tokens -= 1;
    this.spam.set(key, bucket);
    return accepted;
  }
}

/**
 * util.GenerateEventName: `<object name>.<nanoseconds since the epoch in hex>`. The clock has
 * milliseconds; `sequence` fills the nanoseconds so events of one millisecond differ, as the real
 * clock's nanoseconds make them.
 */
export function eventName(objectName: string, ms: number, sequence: number): string {
  return `${objectName}.${(BigInt(Math.trunc(ms)) * 1_000_000n + BigInt(sequence)).toString(16)}`;
}

/** ref.GetReference: the object an event is about. */
export function referenceOf(object: KubeObject): ObjectReference {
  const meta = object.metadata ?? {};
  const ref: ObjectReference = {
    kind: object.kind,
    namespace: meta.namespace,
    name: meta.name,
    uid: meta.uid,
    apiVersion: object.apiVersion,
    resourceVersion: meta.resourceVersion,
  };
  for (const key of Object.keys(ref) as Array<keyof ObjectReference>) if (!ref[key]) delete ref[key];
  return ref;
}

/**
 * A minimal client-go event recorder (tools/record: a broadcaster with one sink): `event` queues
 * a core/v1 Event, and a writer on its own creates it through the API, or — for a repeat —
 * patches the existing event's count, lastTimestamp and message. A failed write is retried up to
 * 12 times, 10 s apart (the first wait jittered); refusals by the server are not retried.
 */
export class EventRecorder {
  private readonly queue: CoreEvent[] = [];
  private readonly correlator: EventCorrelator;
  /** True while the writer runs; it stops, in the same turn, when it finds the queue empty. */
  private draining = false;
  private idle: Promise<void> = Promise.resolve();
  private stopped = false;
  private lastMs = -1;
  private sequence = 0;
  private wake: (() => void) | undefined;

  private readonly client: RestClient;

  constructor(
    client: RestClient,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly source: EventSource,
  ) {
    // The recorder only reads the events it wrote back, and builds each body for one write.
    this.client = client.withOptions({ sharedResults: true, handOverBodies: true });
    this.correlator = new EventCorrelator(clock, (name) => this.nameFor(name));
  }

  /** A name for an event about `objectName` now, distinct from every other one made. */
  private nameFor(objectName: string): string {
    const now = this.clock.now();
    // Recorders of different components must not name events alike within one millisecond:
    // start each millisecond at a random nanosecond, as real clocks differ.
    this.sequence = now === this.lastMs ? this.sequence + 1 : this.rng.int(900_000);
    this.lastMs = now;
    return eventName(objectName, now, this.sequence);
  }

  /**
   * Records an event of `type` about `object` (recorder.Eventf with the message formatted);
   * `fieldPath` names a part of it, as the kubelet's `spec.containers{nginx}`.
   */
  event(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    if (this.stopped) return;
    if (this.queue.length >= MAX_QUEUED_EVENTS) return;
    const ref = referenceOf(object);
    if (fieldPath) ref.fieldPath = fieldPath;
    const time = formatTime(this.clock.now());
    this.queue.push({
      metadata: { name: this.nameFor(ref.name ?? ''), namespace: ref.namespace || 'default' },
      involvedObject: ref,
      reason,
      message,
      source: this.source.host ? { ...this.source } : { component: this.source.component },
      firstTimestamp: time,
      lastTimestamp: time,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    });
    if (!this.draining) {
      this.draining = true;
      this.idle = this.drain();
    }
  }

  /** Resolves once every queued event has been written (or given up on). */
  async flush(): Promise<void> {
    while (this.draining) await this.idle;
  }

  /** Drops queued events and stops writing (Broadcaster.Shutdown). */
  shutdown(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.wake?.();
  }

  private async drain(): Promise<void> {
    try {
      for (let event = this.queue.shift(); event && !this.stopped; event = this.queue.shift()) {
        const result = this.correlator.correlate(event);
        if (!result) continue;
        for (let tries = 1; !this.stopped; tries++) {
          if (await this.write(result.event, result.patch)) break;
          if (tries >= MAX_TRIES_PER_EVENT) break;
          // Whole milliseconds keep the cluster clock on whole milliseconds.
          await this.sleep(tries === 1 ? Math.round(SLEEP_MS * this.rng.next()) : SLEEP_MS);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** recordEvent: true when done (written, or refused for good); false to retry. */
  private async write(event: CoreEvent, patch: Record<string, unknown> | undefined): Promise<boolean> {
    const events = this.client.resource<CoreEvent>(EVENTS, event.metadata.namespace);
    try {
      let written: CoreEvent | undefined;
      if (patch) {
        try {
          written = await events.patch(event.metadata.name, 'strategic', patch);
        } catch (error) {
          if (!(error instanceof StatusError && error.status.code === 404)) throw error;
        }
      }
      written ??= await events.create({ ...event, metadata: { ...event.metadata, resourceVersion: undefined } });
      this.correlator.written(written);
      return true;
    } catch (error) {
      // A Status from the server is final (AlreadyExists, a terminating namespace, a refusal);
      // anything else (the connection) is retried.
      return error instanceof StatusError;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimer(ms, () => {
        this.wake = undefined;
        resolve();
      });
      this.wake = () => {
        timer.cancel();
        resolve();
      };
    });
  }
}
