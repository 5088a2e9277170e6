import { stringify } from 'yaml';

/** go-yaml's best_width: plain and double-quoted scalars break at the first space past it. */
const BEST_WIDTH = 80;

/**
 * YAML as kubectl prints it (sigs.k8s.io/yaml over go-yaml v2): keys sorted, sequences not
 * indented under their key, YAML 1.1 quoting (so "1", "yes" and timestamps are quoted), and long
 * scalars broken as go-yaml's emitter breaks them (not as the yaml package folds).
 */
export function toYaml(value: unknown): string {
  // Shared (frozen) objects must print in full each time, never as anchors and aliases.
  const text = stringify(value, {
    version: '1.1',
    sortMapEntries: true,
    lineWidth: 0,
    indentSeq: false,
    aliasDuplicateObjects: false,
  });
  // go-yaml writes the key `.` (managedFields' fieldsV1) plain; the yaml package quotes it.
  return breakLongLines(text).replace(/^( *)(- )?"\.":/gm, '$1$2.:');
}

/** A line holding a scalar after an optional `- ` run and `key: `. */
const SCALAR_LINE = /^( *)((?:- )*)((?:[^"'\s#&*!|>{[-][^:#]*|"(?:[^"\\]|\\.)*"): )?(.*)$/;

/** Breaks every scalar line longer than go-yaml would leave it; block scalars' lines stay. */
function breakLongLines(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let blockIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === '' || indent >= blockIndent)) {
      out.push(line);
      continue;
    }
    blockIndent = -1;
    if (/(?:^|: |- )[|>][-+]?\d*$/.test(line)) {
      blockIndent = indent + 1;
      out.push(line);
      continue;
    }
    out.push(line.length > BEST_WIDTH ? breakLine(line) : line);
  }
  return out.join('\n');
}

/** go-yaml's write_plain_scalar / write_double_quoted_scalar breaks on one line. */
function breakLine(line: string): string {
  const match = SCALAR_LINE.exec(line);
  if (!match) return line;
  const [, spaces, dashes, key = '', scalar] = match;
  const quoted = scalar.startsWith('"');
  if (!quoted && /^['&*!|>{[]/.test(scalar)) return line;
  const indent = ' '.repeat(spaces.length + dashes.length + (key ? 2 : 0));
  let out = spaces + dashes + key;
  let column = out.length;
  let previousSpace = false;
  for (let i = 0; i < scalar.length; i++) {
    const ch = scalar[i];
    const inside = !quoted || (i > 0 && i < scalar.length - 1);
    if (ch === ' ' && inside && !previousSpace && column > BEST_WIDTH && (quoted || scalar[i + 1] !== ' ')) {
      out += `\n${indent}`;
      column = indent.length;
      if (quoted && scalar[i + 1] === ' ') {
        out += '\\';
        column++;
      }
      previousSpace = true;
      continue;
    }
    out += ch;
    column++;
    previousSpace = ch === ' ';
  }
  return out;
}
