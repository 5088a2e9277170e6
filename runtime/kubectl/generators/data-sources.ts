import { GeneratorError, type GeneratorInput } from './generator';
import { envVarNameErrors } from './validation';

/** util.ParseLiteralSource: `key=value` (the value may hold `=`). */
export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new GeneratorError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** util.ParseFileSource: `path` (key = its base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const separators = source.split('=').length - 1;
  if (separators === 0) return [baseName(source), source];
  if (separators === 1 && source.startsWith('=')) {
    throw new GeneratorError(`key name for file path ${source.slice(1)} missing`);
  }
  if (separators === 1 && source.endsWith('=')) {
    throw new GeneratorError(`file path for key name ${source.slice(0, -1)} missing`);
  }
  if (separators > 1) throw new GeneratorError("key names or file paths cannot contain '='");
  const [key, path] = source.split('=');
  return [key, path];
}

/** Go's path.Base. */
function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Reads a file through the input's callback; `wrap` turns Go's error text into kubectl's message. */
export function readSource(input: GeneratorInput, path: string, wrap: (error: string) => string): string {
  if (!input.readFile) throw new GeneratorError(wrap(`open ${path}: no such file or directory`));
  try {
    return input.readFile(path);
  } catch (error) {
    throw new GeneratorError(wrap(error instanceof Error ? error.message : String(error)));
  }
}

/**
 * handle…FromFileSources: each source is a file (one key) or a directory (one key per regular
 * file); `add(key, text)` stores each.
 */
export function addFileSources(
  input: GeneratorInput,
  sources: string[],
  add: (key: string, text: string) => void,
): void {
  for (const source of sources) {
    const [key, path] = parseFileSource(source);
    const files = input.listDirectory?.(path);
    if (files) {
      if (source.includes('=')) throw new GeneratorError('cannot give a key name for a directory path');
      for (const file of files)
        add(
          file,
          readSource(input, `${path.replace(/\/+$/, '')}/${file}`, (e) => e),
        );
      continue;
    }
    // os.Stat fails first: kubectl prints the PathError's inner error (`no such file or directory`).
    add(
      key,
      readSource(input, path, (e) => `error reading ${path}: ${e.replace(/^(open|stat) [^:]*: /, '')}`),
    );
  }
}

/** cmdutil.AddFromEnvFile: `KEY=value` lines; blank lines and `#` comments skipped. */
export function addEnvFileSources(
  input: GeneratorInput,
  sources: string[],
  kind: 'env config file' | 'env secret file',
  add: (key: string, value: string) => void,
): void {
  for (const path of sources) {
    if (input.listDirectory?.(path)) throw new GeneratorError(`${kind} cannot be a directory`);
    const text = readSource(input, path, (e) => `error reading ${path}: ${e.replace(/^(open|stat) [^:]*: /, '')}`);
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((raw, index) => {
      // bufio.Scanner drops a trailing \r; the BOM is trimmed from the first line only.
      let line = raw.replace(/\r$/, '');
      if (index === 0) line = line.replace(/^\uFEFF/, '');
      line = line.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      const errors = envVarNameErrors(key);
      if (errors.length)
        throw new GeneratorError(`${JSON.stringify(key)} is not a valid key name: ${errors.join(';')}`);
      // A line without `=` takes its value from kubectl's own environment, which is empty here.
      add(key, eq < 0 ? '' : line.slice(eq + 1));
    });
  }
}
