// `kubectl events -w` (events.go runWatch): no list; a watch from now, whose synthetic ADDED
// events bring the current events first (in the server's order, not sorted), then each new or
// changed event as it comes. Deletions (events expire after an hour) are not printed; the header
// comes with the first row; one tabwriter that remembers its widths, flushed after each row.
import { decodeWatch } from '../client/watch-stream';
import { errorsText } from './error-text';
import { eventRow, eventsHeader, type Event } from './events';
import { apiError, type KubectlClient } from './kubectl-client';
import { TabWriter } from './printers/tabwriter';
import type { KubectlContext } from './subcommand';

/** What the watch prints: every namespace (a NAMESPACE column), the --types kept, the header. */
export interface EventsWatchOptions {
  all: boolean;
  types: string[];
  noHeaders: boolean;
}

/** Watches `path` (the events collection with ?watch=true) until Ctrl-C or the server ends it. */
export async function watchEvents(
  ctx: KubectlContext,
  client: KubectlClient,
  path: string,
  options: EventsWatchOptions,
): Promise<number> {
  const response = await client.send(path);
  if (response.status >= 400 || !response.stream) {
    ctx.stderr.write(errorsText([apiError(response, 'watch', 'events')]));
    return 1;
  }
  const writer = new TabWriter();
  let headerPrinted = options.noHeaders;
  const wanted = (type: string | undefined): boolean =>
    options.types.length === 0 || options.types.some((t) => t.toLowerCase() === (type ?? '').toLowerCase());
  const stream = decodeWatch(response.stream);
  const stop = ctx.signal.onAbort(() => stream.close());
  try {
    for await (const event of stream) {
      if (event.type !== 'ADDED' && event.type !== 'MODIFIED') continue;
      const e = event.object as Event;
      if (!wanted(e.type)) continue;
      if (!headerPrinted) writer.write(`${eventsHeader(options.all)}\n`);
      headerPrinted = true;
      writer.write(`${eventRow(e, ctx.clock.now(), options.all)}\n`);
      ctx.stdout.write(writer.flush());
    }
  } finally {
    stop();
  }
  return 0;
}
