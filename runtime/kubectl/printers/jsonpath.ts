/**
 * kubectl's `-o jsonpath=…` / `-o jsonpath-file=…` printer (cli-runtime JSONPathPrinter over
 * client-go util/jsonpath with AllowMissingKeys(true)). A template without `{…}` is plain text
 * (kubectl adds no braces: `-o jsonpath=.metadata.name` prints `.metadata.name`).
 */
import { GoInt, formatSharpV, formatV, goQuote, type GoValue } from './go-template-fmt';
import { PrinterError } from './jsonpath-error';
import { JsonPathExecutor } from './jsonpath-exec';
import { goJsonMarshal } from './jsonpath-json';
import { parseJsonPathTree, type JsonPathList } from './jsonpath-parser';

export { PrinterError } from './jsonpath-error';

/** A parsed jsonpath template. */
export interface JsonPathTemplate {
  /** The template text (the file's contents for jsonpath-file). */
  text: string;
  root: JsonPathList;
}

/** Parses a template; throws PrinterError with kubectl's `error parsing jsonpath …` text. */
export function parseJsonPath(template: string): JsonPathTemplate {
  try {
    return { text: template, root: parseJsonPathTree(template) };
  } catch (error) {
    throw new PrinterError(`error parsing jsonpath ${template}, ${(error as Error).message}`);
  }
}

/**
 * Applies a template to the object (or List) kubectl prints. Execution errors throw
 * PrinterError with kubectl's text, which dumps the object in Go syntax.
 */
export function printJsonPath(template: JsonPathTemplate, value: unknown): string {
  let results: GoValue[][];
  try {
    results = findJsonPathResults(template.root, value as GoValue);
  } catch (error) {
    const message = (error as Error).message;
    throw new PrinterError(
      `error executing jsonpath ${goQuote(template.text)}: Error executing template: ${message}. ` +
        'Printing more information for debugging the template:\n' +
        `\ttemplate was:\n\t\t${template.text}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${formatSharpV(value as GoValue)}\n\n\n`,
    );
  }
  return results.map((list) => list.map(resultText).join(' ')).join('');
}

/** The results of each top-level node of a parsed template (client-go FindResults). */
export function findJsonPathResults(root: JsonPathList, value: GoValue): GoValue[][] {
  return new JsonPathExecutor(root.nodes).findResults(value);
}

/** One result as PrintResults writes it: maps and lists as JSON, null as `null`, others as %v. */
function resultText(value: GoValue): string {
  if (value === null) return 'null';
  if (typeof value === 'object' && !(value instanceof GoInt)) return goJsonMarshal(value);
  return formatV(value);
}

/**
 * kubectl's RelaxedJSONPathExpression (custom-columns, --sort-by): `a.b`, `.a.b`, `{a.b}` and
 * `{.a.b}` all become `{.a.b}`.
 */
export function relaxedJsonPathExpression(path: string): string {
  if (path === '') return path;
  const match = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/s.exec(path);
  if (!match) {
    throw new PrinterError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${match[1] ?? match[2]}}`;
}
