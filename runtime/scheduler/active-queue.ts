import { Heap } from '../util/heap';
import { podPriority } from './fit-error';
import type { QueuedPodInfo } from './queue';

interface Entry {
  info: QueuedPodInfo;
  priority: number;
  timestamp: number;
}

/** Higher priority first, then the pod that has waited longest (the scheduler's QueueSort). */
const before = (a: Entry, b: Entry): boolean =>
  a.priority > b.priority || (a.priority === b.priority && a.timestamp < b.timestamp);

/**
 * activeQ: the pods ready to be tried, by key, popped in QueueSort order from a heap. An entry
 * taken out by key stays in the heap until it reaches the top, where it is skipped.
 */
export class ActiveQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly heap = new Heap<Entry>(before);

  get(key: string): QueuedPodInfo | undefined {
    return this.entries.get(key)?.info;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, info: QueuedPodInfo): void {
    const entry = { info, priority: podPriority(info.pod), timestamp: info.timestamp };
    this.entries.set(key, entry);
    this.heap.push(entry);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Takes out the pod to try next. */
  pop(): QueuedPodInfo | undefined {
    for (let entry = this.heap.pop(); entry; entry = this.heap.pop()) {
      if (this.entries.get(entry.info.key) !== entry) continue;
      this.entries.delete(entry.info.key);
      return entry.info;
    }
    return undefined;
  }
}
