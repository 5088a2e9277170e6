/**
 * kubectl's `-o go-template=…` / `-o go-template-file=…` printer (cli-runtime
 * GoTemplatePrinter): Go's text/template named "output" with kubectl's extra functions, run with
 * missingkey=default over the object decoded from JSON.
 */
import { formatV, goQuote, type GoValue } from './go-template-fmt';
import { ExecError, executeTemplate } from './go-template-exec';
import { BUILTINS } from './go-template-funcs';
import { isParseError, parseTemplateTree, type TNode } from './go-template-parse';
import { PrinterError } from './jsonpath-error';
import { goJsonMarshal } from './jsonpath-json';

export { PrinterError } from './jsonpath-error';

/** A parsed go-template. */
export interface GoTemplate {
  /** The template text (the file's contents for go-template-file). */
  text: string;
  root: TNode[];
}

/** text/template's builtins Go's parser knows but kubeplay does not run (calls fail at execution). */
const UNSUPPORTED = ['call', 'js'];
const FUNCTIONS = new Set([...Object.keys(BUILTINS), ...UNSUPPORTED]);

/** Parses a template; throws PrinterError with kubectl's `error parsing template …` text. */
export function parseGoTemplate(template: string): GoTemplate {
  try {
    return { text: template, root: parseTemplateTree(template, FUNCTIONS) };
  } catch (error) {
    if (!isParseError(error)) throw error;
    throw new PrinterError(`error parsing template ${template}, ${error.message}`);
  }
}

/**
 * Applies a template to the object (or List) kubectl prints. On an execution error kubectl has
 * already written the partial output and a debugging dump to stdout: PrinterError's `output`.
 */
export function printGoTemplate(template: GoTemplate, value: unknown): string {
  try {
    return executeTemplate(template.text, template.root, value as GoValue);
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    const dump =
      `Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template.text}\n` +
      `\traw data was:\n\t\t${goJsonMarshal(value as GoValue)}\n` +
      `\tobject given to template engine was:\n\t\t${formatV(value as GoValue)}\n\n`;
    throw new PrinterError(`error executing template ${goQuote(template.text)}: ${error.message}`, error.output + dump);
  }
}
