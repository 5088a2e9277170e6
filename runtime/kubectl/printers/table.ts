import { TabWriter } from './tabwriter';

/** meta.k8s.io/v1 Table as the server sends it. */
export interface Table {
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  columnDefinitions?: Array<{ name: string; type?: string; format?: string; priority?: number }>;
  rows?: Array<{ cells: unknown[]; object?: { metadata?: { namespace?: string; labels?: Record<string, string> } } }>;
}

/** cli-runtime's PrintOptions, as far as tables use them. */
export interface TableOptions {
  wide?: boolean;
  noHeaders?: boolean;
  withNamespace?: boolean;
  /** `pod` or `deployment.apps`: prefixes each name (--show-kind, or several kinds at once). */
  kind?: string;
  showLabels?: boolean;
  /** -L keys. */
  columnLabels?: readonly string[];
}

/** labels.FormatLabels: `k=v,…` sorted by key, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',') : '<none>';
}

/** Go's fmt.Sprint of a decoded JSON cell. */
function cellText(cell: unknown): string {
  if (typeof cell === 'string') {
    const cut = cell.search(/[\f\n\r]/);
    return escapeTerminal(cut >= 0 ? cell.slice(0, cut) : cell) + (cut >= 0 ? '...' : '');
  }
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return escapeTerminal(JSON.stringify(cell));
  return escapeTerminal(String(cell));
}

/** printers.WriteEscaped: ESC and CR made visible. */
const escapeTerminal = (text: string): string => text.split('\u001b').join('^[').replace(/\r/g, '\\r');

/**
 * The tab-separated lines of one Table (cli-runtime's decorateTable then printTable): the extra
 * NAMESPACE, label and LABELS columns, the kind prefix on names, priority-1 columns only when
 * wide, and no header when there are no rows.
 */
export function tableLines(table: Table, options: TableOptions): string {
  const definitions = table.columnDefinitions ?? [];
  const rows = table.rows ?? [];
  const labelKeys = options.columnLabels ?? [];
  const nameColumn = options.kind ? definitions.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  const visible = (i: number): boolean => options.wide === true || (definitions[i]?.priority ?? 0) === 0;
  let out = '';
  if (!options.noHeaders && rows.length > 0) {
    const header = [
      ...(options.withNamespace ? ['NAMESPACE'] : []),
      ...definitions.filter((_, i) => visible(i)).map((c) => c.name.toUpperCase()),
      ...labelKeys.map((key) => key.split('/').pop()?.toUpperCase() ?? ''),
      ...(options.showLabels ? ['LABELS'] : []),
    ];
    out += `${header.join('\t')}\n`;
  }
  for (const row of rows) {
    const cells = row.cells.slice(0, definitions.length).map((cell, i) => {
      if (i === nameColumn) return `${options.kind}/${cellText(cell)}`;
      return cellText(cell);
    });
    const metadata = row.object?.metadata;
    const line = [
      ...(options.withNamespace ? [metadata?.namespace ?? ''] : []),
      ...cells.filter((_, i) => visible(i)),
      ...(metadata ? labelKeys.map((key) => metadata.labels?.[key] ?? '') : []),
      ...(metadata && options.showLabels ? [formatLabels(metadata.labels)] : []),
    ];
    out += `${line.join('\t')}\n`;
  }
  return out;
}

/** One or more tables laid out together, as kubectl's tabwriter does (RememberWidths within one kind). */
export function printTables(tables: readonly Table[], options: TableOptions): string {
  const writer = new TabWriter();
  let printedHeaders = false;
  for (const table of tables) {
    // Later pages of the same list repeat no header (HumanReadablePrinter's printedHeaders).
    const out = tableLines(table, { ...options, noHeaders: options.noHeaders || printedHeaders });
    if ((table.rows ?? []).length > 0) printedHeaders = true;
    writer.write(out);
  }
  return writer.flush();
}
