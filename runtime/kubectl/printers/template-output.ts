import { normalizePath } from '../../shell/fs/path';
import type { Volume } from '../../shell/fs/volume';
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns } from './custom-columns';
import { parseGoTemplate, printGoTemplate } from './go-template';
import { PrinterError } from './jsonpath-error';
import { parseJsonPath, printJsonPath } from './jsonpath';

/** The `-o` formats that take a template after `=`. */
const TEMPLATE_FORMATS = new Set([
  'jsonpath',
  'jsonpath-file',
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
]);

/** Prints one object or List through a template. */
export type TemplatePrinter = (value: unknown) => string;

/** Whether `-o output` names a template format (`jsonpath=…`, `custom-columns=…`, …). */
export function isTemplateOutput(output: string): boolean {
  return TEMPLATE_FORMATS.has(output.split('=')[0]);
}

/**
 * The printer for `-o FORMAT=TEMPLATE` (the -file forms read TEMPLATE as a path in `fs`),
 * throwing PrinterError with kubectl's texts for a template it cannot use.
 */
export function templatePrinter(
  output: string,
  options: { fs: Volume; cwd: string; noHeaders: boolean },
): TemplatePrinter {
  const equals = output.indexOf('=');
  const format = equals < 0 ? output : output.slice(0, equals);
  const template = equals < 0 ? '' : output.slice(equals + 1);
  const read = (message: (error: string) => string): string => {
    const path = normalizePath(template, options.cwd);
    if (!options.fs.exists(path)) throw new PrinterError(message(`open ${template}: no such file or directory`));
    return options.fs.readFile(path);
  };
  switch (format) {
    case 'jsonpath':
    case 'jsonpath-file': {
      if (template === '') throw new PrinterError('template format specified but no template given');
      const text = format === 'jsonpath' ? template : read((e) => `error reading --template ${template}, ${e}`);
      const parsed = parseJsonPath(text);
      return (value) => printJsonPath(parsed, value);
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      if (template === '') throw new PrinterError('custom-columns format specified but no custom columns given');
      const columns =
        format === 'custom-columns'
          ? parseCustomColumns(template)
          : parseCustomColumnsFile(read((e) => `error reading template ${template}, ${e}\n`));
      // The file form prints its header whatever --no-headers says (as kubectl does).
      const noHeaders = format === 'custom-columns' && options.noHeaders;
      return (value) => printCustomColumns(columns, [value], { noHeaders });
    }
    default: {
      if (template === '') throw new PrinterError('template format specified but no template given');
      const file = format.endsWith('file');
      const text = file ? read((e) => `error reading --template ${template}, ${e}`) : template;
      const parsed = parseGoTemplate(text);
      return (value) => printGoTemplate(parsed, value);
    }
  }
}
