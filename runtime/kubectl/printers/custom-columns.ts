/**
 * kubectl's `-o custom-columns=…` / `-o custom-columns-file=…` printer (kubectl get's
 * CustomColumnsPrinter): a header line, then one line per object whose cells are each column's
 * jsonpath results (%v, comma-joined, `<none>` when there are none), laid out by the tabwriter.
 */
import { formatV, type GoValue } from './go-template-fmt';
import { PrinterError, findJsonPathResults, relaxedJsonPathExpression } from './jsonpath';
import { parseJsonPathTree } from './jsonpath-parser';
import { KUBECTL_TABLE, TabWriter } from './tabwriter';

export { PrinterError } from './jsonpath-error';

/** One column: its header and its jsonpath, already in `{.a.b}` form. */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/** Parses `NAME:.metadata.name,…` (NewCustomColumnsPrinterFromSpec). */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new PrinterError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) {
      throw new PrinterError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

const FORMAT_HINT = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/** Parses a custom-columns file: a line of headers, then a line of specs (NewCustomColumnsPrinterFromTemplate). */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = scanLines(text);
  if (lines.length < 1) throw new PrinterError(`invalid template, missing header line. ${FORMAT_HINT}`);
  if (lines.length < 2) throw new PrinterError(`invalid template, missing spec line. ${FORMAT_HINT}`);
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) {
    throw new PrinterError(
      `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    );
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) }));
}

/** bufio.ScanLines: lines without their `\n` (and a `\r` before it); no empty last line. */
function scanLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** bufio.ScanWords: runs of non-space characters. */
const words = (line: string): string[] => line.split(/[\s\u0085\u00a0]+/u).filter((word) => word !== '');

/**
 * Prints the objects (a List's items, or the single object) under the columns. A column whose
 * jsonpath fails to parse or execute throws PrinterError with the bare message; `output` then
 * holds what kubectl had printed (the header, flushed by its deferred tabwriter Flush).
 */
export function printCustomColumns(
  columns: CustomColumn[],
  objects: unknown[],
  options: { noHeaders: boolean },
): string {
  const writer = new TabWriter(KUBECTL_TABLE);
  if (!options.noHeaders) writer.write(`${columns.map((c) => c.header).join('\t')}\n`);
  try {
    const parsers = columns.map((column) => parseJsonPathTree(column.fieldSpec));
    for (const object of objects.flatMap(listItems)) {
      const cells = parsers.map((root) => {
        const results = findJsonPathResults(root, object);
        if (results.length === 0 || results[0].length === 0) return '<none>';
        return results.flatMap((list) => list.map((value) => escapeTerminal(formatV(value)))).join(',');
      });
      writer.write(`${cells.join('\t')}\n`);
    }
  } catch (error) {
    if (error instanceof PrinterError) throw error;
    throw new PrinterError((error as Error).message, writer.flush());
  }
  return writer.flush();
}

/** A List's items, or the object itself. */
function listItems(object: unknown): GoValue[] {
  const value = object as { kind?: unknown; items?: unknown };
  if (value && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
    return value.items as GoValue[];
  }
  return [object as GoValue];
}

/** cli-runtime printers.EscapeTerminal: ESC becomes `^[` and CR `\\r`. */
const escapeTerminal = (text: string): string => text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
