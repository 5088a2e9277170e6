import { resolveResource } from './discovery';
import { errorsText } from './error-text';
import { goSort } from './go-sort';
import { ApiError } from './kubectl-client';
import { tabulate } from './printers/tabwriter';
import { queryString } from './resource-url';
import { kubectlSetup } from './setup';
import { fail, type KubectlSubcommand } from './subcommand';
import { humanDuration } from '../util/duration';
import { escapeTerminal as escape } from './describe/prefix-writer';
import { watchEvents } from './events-watch';

/** The fields of a core/v1 Event the table shows. */
export interface Event {
  metadata?: { namespace?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  involvedObject?: { kind?: string; name?: string };
  eventTime?: string | null;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  series?: { count?: number; lastObservedTime?: string };
}

const time = (value: string | null | undefined): number | undefined => (value ? Date.parse(value) : undefined);

/** events.go eventTime: what the list is sorted by. */
function eventTime(e: Event): number {
  return time(e.series?.lastObservedTime) ?? time(e.lastTimestamp) ?? time(e.eventTime) ?? Number.NEGATIVE_INFINITY;
}

/** event_printer.go getInterval: `90s`, or `5s (x3 over 2m)` for repeated events. */
export function interval(e: Event, now: number): string {
  const since = (t: number | undefined): string => (t === undefined ? '<unknown>' : humanDuration(now - t));
  const first = since(time(e.eventTime) ?? time(e.firstTimestamp));
  if (e.series) return `${since(time(e.series.lastObservedTime))} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(time(e.lastTimestamp))} (x${e.count} over ${first})`;
  return first;
}

/** The table's header line (tab-separated). */
export const eventsHeader = (all: boolean): string =>
  `${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`;

/** event_printer.go printOneEvent: one row (tab-separated). */
export function eventRow(e: Event, now: number, all: boolean): string {
  const object = `${escape(e.involvedObject?.kind ?? '')}/${escape(e.involvedObject?.name ?? '')}`;
  const cells = [interval(e, now), escape(e.type ?? ''), escape(e.reason ?? ''), object];
  return `${all ? `${e.metadata?.namespace ?? ''}\t` : ''}${cells.join('\t')}\t${escape((e.message ?? '').trim())}`;
}

/**
 * `kubectl events` (kubectl pkg/cmd/events): the namespace's (or every namespace's) events, oldest
 * first, filtered by --types and --for, as LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; with -w,
 * watched instead (events-watch.ts).
 */
export const events: KubectlSubcommand = {
  name: 'events',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'for', type: 'string' },
    { name: 'types', type: 'stringSlice' },
    { name: 'no-headers', type: 'bool' },
    { name: 'chunk-size', type: 'int' },
    { name: 'watch', short: 'w', type: 'bool' },
  ],
  async run(ctx) {
    const { flags, stdout, stderr } = ctx;
    const setup = await kubectlSetup(ctx);
    const all = flags.get('all-namespaces') === true;
    const forObject = String(flags.get('for') ?? '');
    let fieldSelector: string | undefined;
    if (forObject) {
      if (!forObject.includes('/')) return fail(stderr, '--for must be in resource/name form');
      const parts = forObject.split('/');
      if (parts.length !== 2) return fail(stderr, 'arguments in resource/name form may not have more than one slash');
      const info = resolveResource(setup.resources, parts[0]);
      if (!info) {
        // A REST mapping error: kubectl prints it without `error: `.
        stderr.write(`the server doesn't have a resource type "${parts[0].toLowerCase()}"\n`);
        return 1;
      }
      const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
      fieldSelector = `involvedObject.kind=${info.kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${parts[1]}`;
    }
    const types = (flags.get('types') as string[] | undefined) ?? [];
    if (types.some((t) => !['normal', 'warning'].includes(t.toLowerCase())))
      return fail(stderr, 'valid --types are Normal or Warning');
    const path = all ? '/api/v1/events' : `/api/v1/namespaces/${encodeURIComponent(setup.namespace)}/events`;
    const limit = flags.has('chunk-size') ? String(flags.get('chunk-size')) : '500';
    if (flags.get('watch') === true) {
      const query = queryString({ fieldSelector, limit: limit === '0' ? undefined : limit, watch: 'true' });
      return watchEvents(ctx, setup.client, `${path}${query}`, {
        all,
        types,
        noHeaders: flags.get('no-headers') === true,
      });
    }
    let items: Event[] = [];
    try {
      let next: string | undefined;
      do {
        const query = queryString({ continue: next, fieldSelector, limit: limit === '0' ? undefined : limit });
        const list = await setup.client.json<{ items?: Event[]; metadata?: { continue?: string } }>(`${path}${query}`, {
          target: 'events',
        });
        items.push(...(list.items ?? []));
        next = list.metadata?.continue || undefined;
      } while (next);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      stderr.write(errorsText([error]));
      return 1;
    }
    if (types.length) items = items.filter((e) => types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()));
    if (items.length === 0) {
      stderr.write(all ? 'No events found.\n' : `No events found in ${setup.namespace} namespace.\n`);
      return 0;
    }
    goSort(items, (a, b) => eventTime(a) < eventTime(b));
    const now = ctx.clock.now();
    const lines: string[] = [];
    if (flags.get('no-headers') !== true) lines.push(eventsHeader(all));
    for (const e of items) lines.push(eventRow(e, now, all));
    stdout.write(tabulate(`${lines.join('\n')}\n`));
    return 0;
  },
};
