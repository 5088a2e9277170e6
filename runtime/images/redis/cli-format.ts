// How redis-cli prints replies: on a terminal (or --no-raw) each value typed and quoted —
// "bar", (integer) 1, (nil), numbered and indented arrays, (empty array), (error) …; in raw mode
// (stdout not a terminal, or --raw) bare values one per line, nothing for nil, and errors
// followed by an empty line. Values are byte strings; raw output is decoded as UTF-8.
import { fromBytes } from './bytes';
import type { Reply } from './resp';

const C_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\x07': '\\a',
  '\b': '\\b',
};

/** sdscatrepr: a byte string quoted, with C escapes and \xHH for unprintable bytes. */
export function repr(bytes: string): string {
  let out = '"';
  for (const ch of bytes) {
    const code = ch.charCodeAt(0);
    out += C_ESCAPES[ch] ?? (code >= 0x20 && code < 0x7f ? ch : `\\x${code.toString(16).padStart(2, '0')}`);
  }
  return `${out}"`;
}

/** cliFormatReplyTTY. */
export function formatTty(reply: Reply, prefix = ''): string {
  switch (reply.type) {
    case 'error':
      return `(error) ${reply.text}\n`;
    case 'status':
      return `${reply.text}\n`;
    case 'integer':
      return `(integer) ${reply.value}\n`;
    case 'bulk':
      return reply.value === null ? '(nil)\n' : `${repr(reply.value)}\n`;
    case 'array': {
      if (reply.items === null) return '(nil)\n';
      if (reply.items.length === 0) return '(empty array)\n';
      const width = String(reply.items.length).length;
      // Nested arrays are indented past their index: the width of the largest index plus ") ".
      const nested = prefix + ' '.repeat(width + 2);
      return reply.items
        .map((item, i) => `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) ${formatTty(item, nested)}`)
        .join('');
    }
  }
}

/** cliFormatReplyRaw, before the command delimiter redis-cli adds after each reply. */
function raw(reply: Reply): string {
  switch (reply.type) {
    case 'error':
      return `${reply.text}\n`;
    case 'status':
      return reply.text;
    case 'integer':
      return String(reply.value);
    case 'bulk':
      return reply.value ?? '';
    case 'array':
      return (reply.items ?? []).map(raw).join('\n');
  }
}

/** A reply as redis-cli writes it in raw mode (with its trailing newline), as text. */
export function formatRaw(reply: Reply): string {
  return fromBytes(`${raw(reply)}\n`);
}

/** INFO and a few others print their bulk text verbatim, whatever the mode. */
export function formatVerbatim(reply: Reply): string {
  return fromBytes(raw(reply));
}
