import type { CancelSignal } from '../cancel';
import type { Clock } from '../clock';
import type { ApiResourceInfo } from './discovery';
import type { KubectlClient } from './kubectl-client';
import { queryString, resourceUrl } from './resource-url';

/** One event an informer hands on: ADDED (from the list or the watch), MODIFIED, DELETED. */
export interface WatchEvent {
  type: string;
  object: Record<string, unknown>;
}

/** How a wait ended: the condition held, the timeout passed, or Ctrl-C stopped it. */
export type UntilResult = 'done' | 'timeout' | 'cancelled';

/** Where and how long to watch. */
export interface UntilOptions {
  client: KubectlClient;
  info: ApiResourceInfo;
  namespace?: string;
  /** The object's name (a field selector on metadata.name); undefined watches the collection. */
  name?: string;
  labelSelector?: string;
  clock: Clock;
  signal: CancelSignal;
  /** Milliseconds; 0 or undefined: no limit. */
  timeoutMs?: number;
}

/**
 * client-go's watchtools.UntilWithSync over a ListWatch: a list whose items come as ADDED events,
 * then a watch from its resourceVersion (restarted from the last one seen when the server ends
 * it), each event handed to `condition` until it returns true. A condition that throws ends the
 * wait with its error. The timeout runs on `clock`.
 */
export async function untilWithSync(
  options: UntilOptions,
  condition: (event: WatchEvent) => boolean,
): Promise<UntilResult> {
  const { client, info, namespace, clock, signal } = options;
  const fieldSelector = options.name === undefined ? undefined : `metadata.name=${options.name}`;
  let ended: UntilResult | undefined;
  let closeStream: (() => void) | undefined;
  const end = (why: UntilResult): void => {
    ended ??= why;
    closeStream?.();
  };
  const timer = options.timeoutMs ? clock.setTimer(options.timeoutMs, () => end('timeout')) : undefined;
  const stopAbort = signal.onAbort(() => end('cancelled'));
  try {
    const list = await client.json<{ metadata?: { resourceVersion?: string }; items?: Array<Record<string, unknown>> }>(
      `${resourceUrl(info, namespace)}${queryString({ fieldSelector, labelSelector: options.labelSelector })}`,
      { target: info.resource },
    );
    for (const item of list.items ?? []) {
      if (ended) return ended;
      if (condition({ type: 'ADDED', object: item })) return 'done';
    }
    let resourceVersion = list.metadata?.resourceVersion;
    while (!ended) {
      const query = queryString({
        allowWatchBookmarks: 'true',
        fieldSelector,
        labelSelector: options.labelSelector,
        resourceVersion,
        watch: 'true',
      });
      const response = await client.send(`${resourceUrl(info, namespace)}${query}`);
      const stream = response.stream;
      if (!stream) return ended ?? 'timeout';
      closeStream = () => stream.close();
      if (ended) stream.close();
      let pending = '';
      try {
        for await (const chunk of stream) {
          pending += chunk;
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) {
            if (line.trim() === '' || ended) continue;
            const event = JSON.parse(line) as WatchEvent;
            const rv = (event.object?.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
            if (rv) resourceVersion = rv;
            if (event.type === 'BOOKMARK' || event.type === 'ERROR') continue;
            if (condition(event)) return 'done';
          }
        }
      } finally {
        stream.close();
        closeStream = undefined;
      }
    }
    return ended;
  } finally {
    timer?.cancel();
    stopAbort();
  }
}

/** A Go duration (`30s`, `1m30s`, `500ms`, `0`) in milliseconds; undefined when it does not parse. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const match = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!match) return undefined;
  let total = 0;
  for (const part of text.slice(match[1].length).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * units[part[2]];
  }
  return match[1] === '-' ? -total : total;
}
