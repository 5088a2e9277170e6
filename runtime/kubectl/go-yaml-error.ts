// The go-yaml v2 message for a manifest the `yaml` library refused. kubectl converts YAML with
// sigs.k8s.io/yaml, whose errors read `yaml: line N: <libyaml message>`; go-yaml numbers a scanner
// error's line from 1 and a parser error's from 0 (parser.fail), so the two kinds differ by one.
import type { YAMLError } from 'yaml';

/** go-yaml's wording for one of the `yaml` library's errors, and whether libyaml's scanner raises it. */
function translate(error: YAMLError): { message: string; scanner: boolean } | undefined {
  const message = error.message;
  if (error.code === 'TAB_AS_INDENT') return { message: 'found character that cannot start any token', scanner: true };
  if (message.startsWith('Missing closing')) return { message: 'found unexpected end of stream', scanner: true };
  if (message.startsWith('Nested mappings') || error.code === 'MULTILINE_IMPLICIT_KEY')
    return { message: 'mapping values are not allowed in this context', scanner: true };
  if (message.startsWith('Flow map')) return { message: "did not find expected ',' or '}'", scanner: false };
  if (message.startsWith('Flow sequence')) return { message: "did not find expected ',' or ']'", scanner: false };
  if (message.startsWith('All mapping items') || message.startsWith('A block sequence may not'))
    return { message: 'did not find expected key', scanner: false };
  return undefined;
}

/** The 1-based line of `offset` in `text`. */
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** `error converting YAML to JSON: yaml: line N: …` as kubectl prints it for `text`'s first error. */
export function goYamlError(text: string, error: YAMLError): string {
  return `error converting YAML to JSON: ${goYamlMessage(text, error)}`;
}

/** go-yaml's own error for `text`'s first error, `yaml: line N: …` (what YAMLToJSON returns). */
export function goYamlMessage(text: string, error: YAMLError): string {
  const known = translate(error);
  let line = error.linePos?.[0].line ?? 1;
  let message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (known) {
    message = known.message;
    if (known.message === 'found unexpected end of stream') {
      // libyaml reads to the end of the stream looking for the closing quote.
      line = text.split('\n').length;
    } else if (known.message.startsWith('mapping values')) {
      // The `yaml` library points at the key; libyaml at the `:` that cannot start a value there.
      const colon = /:(?=[ \t\n]|$)/g;
      colon.lastIndex = error.pos[0];
      const match = colon.exec(text);
      if (match) line = lineAt(text, match.index);
    } else if (!known.scanner) line -= 1;
  }
  // parser.fail leaves the line out when the mark is on (0-based) line 0.
  return `yaml: ${line > 0 ? `line ${line}: ` : ''}${message}`;
}
