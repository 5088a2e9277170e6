import { decodeWatch } from '../client/watch-stream';
import type { ApiResourceInfo } from './discovery';
import { errorsText } from './error-text';
import { apiError, ApiError, TABLE_ACCEPT } from './kubectl-client';
import { tableLines, type Table, type TableOptions } from './printers/table';
import { TabWriter } from './printers/tabwriter';
import { queryString, resourceUrl } from './resource-url';
import type { Selection } from './resource-selection';
import type { KubectlSetup } from './setup';
import type { KubectlContext } from './subcommand';

/** How `get -w` prints: the table options, and whether events show as an EVENT column. */
export interface WatchOptions {
  table: TableOptions;
  namespace: string | undefined;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  ignoreNotFound: boolean;
}

/** kubectl's formatEventType: event types padded to eight. */
const EVENT_TYPES: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

/**
 * A HumanReadablePrinter over one writer for a whole watch: the header once (when the first
 * rows come), columns that only grow (the tabwriter remembers widths), an EVENT column when asked.
 */
class WatchPrinter {
  private readonly writer = new TabWriter();
  private lastColumns = '';
  private printedHeaders = false;

  constructor(
    private readonly options: WatchOptions,
    private readonly write: (text: string) => void,
  ) {}

  print(table: Table, eventType: string | undefined, showRows: boolean): void {
    const columns = JSON.stringify(table.columnDefinitions ?? []);
    const rows = showRows ? (table.rows ?? []) : [];
    if ((table.columnDefinitions ?? []).length > 0 && columns !== this.lastColumns) {
      this.lastColumns = columns;
      this.printedHeaders = false;
    }
    const definitions =
      (table.columnDefinitions ?? []).length > 0 ? table.columnDefinitions : JSON.parse(this.lastColumns || '[]');
    const noHeaders = this.options.table.noHeaders || this.printedHeaders;
    if (rows.length > 0) this.printedHeaders = true;
    let text = tableLines({ ...table, columnDefinitions: definitions, rows }, { ...this.options.table, noHeaders });
    if (eventType !== undefined && text !== '') {
      const lines = text.split('\n').slice(0, -1);
      const header = noHeaders ? [] : [`EVENT\t${lines.shift() ?? ''}`];
      text = [...header, ...lines.map((line) => `${EVENT_TYPES[eventType] ?? eventType}\t${line}`)].join('\n') + '\n';
    }
    this.writer.write(text);
    this.write(this.writer.flush());
  }
}

/** `kubectl get -w` / `--watch-only` (get.go's watch): the current state, then each change, until Ctrl-C or the server ends the watch. */
export async function watchResources(
  ctx: KubectlContext,
  setup: KubectlSetup,
  selection: Selection,
  options: WatchOptions,
): Promise<number> {
  const infos: ApiResourceInfo[] = selection.kind === 'bulk' ? selection.infos : selection.targets.map((t) => t.info);
  if (new Set(infos.map((i) => `${i.group}/${i.resource}`)).size > 1) {
    ctx.stderr.write('error: you may only specify a single resource type\n');
    return 1;
  }
  if (selection.kind === 'named' && selection.targets.length > 1) {
    ctx.stderr.write(
      'error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n',
    );
    return 1;
  }
  const info = infos[0];
  const namespace = info.namespaced ? options.namespace : undefined;
  const timeout = ctx.flags.get('request-timeout');
  const printer = new WatchPrinter(options, (text) => ctx.stdout.write(text));
  let first: Table;
  let query: Record<string, string | undefined>;
  try {
    if (selection.kind === 'named') {
      const name = selection.targets[0].name;
      first = await setup.client.json<Table>(resourceUrl(info, namespace, name), {
        accept: TABLE_ACCEPT,
        target: `${info.resource} ${name}`,
      });
      query = { fieldSelector: `metadata.name=${name}`, resourceVersion: '0' };
    } else {
      const list = queryString({
        fieldSelector: selection.fieldSelector,
        labelSelector: selection.labelSelector,
        limit: '500',
      });
      first = await setup.client.json<Table>(`${resourceUrl(info, namespace)}${list}`, {
        accept: TABLE_ACCEPT,
        target: info.resource,
      });
      query = {
        fieldSelector: selection.fieldSelector,
        labelSelector: selection.labelSelector,
        resourceVersion: first.metadata?.resourceVersion,
      };
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 404 && options.ignoreNotFound) return 0;
    ctx.stderr.write(errorsText([error]));
    return 1;
  }
  const eventType = options.outputWatchEvents ? 'ADDED' : undefined;
  printer.print(first, eventType, !options.watchOnly);
  // A watch of one object starts with a synthetic ADDED for it, which is not printed again.
  let show = selection.kind !== 'named';
  const path = `${resourceUrl(info, namespace)}${queryString({ ...query, timeout: typeof timeout === 'string' && timeout !== '0' ? timeout : undefined, watch: 'true' })}`;
  const response = await setup.client.send(path, { accept: TABLE_ACCEPT });
  if (response.status >= 400 || !response.stream) {
    ctx.stderr.write(errorsText([apiError(response, 'watch', info.resource)]));
    return 1;
  }
  const stream = decodeWatch(response.stream);
  const stop = ctx.signal.onAbort(() => stream.close());
  try {
    for await (const event of stream) {
      if (event.type === 'BOOKMARK') continue;
      printer.print(event.object as Table, options.outputWatchEvents ? event.type : undefined, show);
      show = true;
    }
  } finally {
    stop();
  }
  return 0;
}
