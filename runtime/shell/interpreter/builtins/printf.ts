// bash's printf builtin: %s %b %q %c %d %i %u %x %X %o %e %f %g %%, flags, width and precision
// (also `*`), the format reused until the arguments run out, and `-v var`.
import type { Builtin } from './types';
import { NAME } from './types';
import { C_ESCAPES_WITH_QUOTES } from '../../escapes';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** Backslash escapes of the format (and of %b arguments); `\c` stops all output. */
function unescape(text: string, inArgument: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\' || i + 1 >= text.length) {
      out += text[i];
      continue;
    }
    const next = text[++i];
    if (next === 'c' && inArgument) return { text: out, stop: true };
    if (next in C_ESCAPES_WITH_QUOTES && !(next === "'" || next === '"' || next === '?') === true)
      out += C_ESCAPES_WITH_QUOTES[next];
    else if (next === "'" || next === '"' || next === '?') out += inArgument ? `\\${next}` : next;
    else if (/[0-7]/.test(next) || (next === '0' && inArgument)) {
      const max = inArgument && next === '0' ? 4 : 3;
      const digits = new RegExp(`^[0-7]{1,${max}}`).exec(text.slice(i))![0];
      out += String.fromCharCode(parseInt(digits, 8) & 0xff);
      i += digits.length - 1;
    } else if (next === 'x' && /[0-9a-fA-F]/.test(text[i + 1] ?? '')) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(digits, 16));
      i += digits.length;
    } else out += `\\${next}`;
  }
  return { text: out, stop: false };
}

/** %q: quoted so that the shell reads it back as the same word. */
export function shellQuote(text: string): string {
  if (text === '') return "''";
  if ([...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    const body = [...text].map((c) => {
      const code = c.charCodeAt(0);
      const named: Record<string, string> = {
        '\n': '\\n',
        '\t': '\\t',
        '\r': '\\r',
        '\x1b': '\\E',
        '\x07': '\\a',
        '\b': '\\b',
        '\f': '\\f',
        '\v': '\\v',
        "'": "\\'",
        '\\': '\\\\',
      };
      if (named[c]) return named[c];
      return code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : c;
    });
    return `$'${body.join('')}'`;
  }
  return text.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&');
}

export const printf: Builtin = async ({ argv, stdout, stderr, shell }) => {
  let args = argv.slice(1);
  let target: string | undefined;
  if (args[0] === '-v') {
    target = args[1];
    if (target === undefined || !NAME.test(target)) {
      stderr.write(`${shell.errorPrefix()}printf: \`${target ?? ''}': not a valid identifier\n`);
      return 2;
    }
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    stderr.write('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const format = args[0];
  const values = args.slice(1);
  let next = 0;
  let out = '';
  let status = 0;
  const take = (): string | undefined => values[next++];
  const integer = (arg: string | undefined): bigint => {
    if (arg === undefined || arg === '') return 0n;
    if (/^['"]/.test(arg)) return BigInt(arg.codePointAt(1) ?? 0);
    const match = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(arg);
    if (!match || match[0].length !== arg.length) {
      stderr.write(`${shell.errorPrefix()}printf: ${arg}: invalid number\n`);
      status = 1;
      if (!match) return 0n;
    }
    let value = BigInt(
      match[2].startsWith('0') && !/^0[xX]/.test(match[2]) && match[2].length > 1 ? `0o${match[2].slice(1)}` : match[2],
    );
    if (match[1] === '-') value = -value;
    if (value > INT64_MAX || value < INT64_MIN) {
      stderr.write(`${shell.errorPrefix()}printf: warning: ${arg}: Numerical result out of range\n`);
      value = value > 0n ? INT64_MAX : INT64_MIN;
    }
    return value;
  };
  for (;;) {
    for (let i = 0; i < format.length; i++) {
      const ch = format[i];
      if (ch === '\\') {
        const end = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(format.slice(i))![0];
        out += unescape(end, false).text;
        i += end.length - 1;
        continue;
      }
      if (ch !== '%') {
        out += ch;
        continue;
      }
      const spec = /^%([-+ #0]*)(\*|[0-9]*)(?:\.(\*|[0-9]*))?([a-zA-Z%])?/.exec(format.slice(i))!;
      i += spec[0].length - 1;
      const conversion = spec[4];
      if (conversion === '%') {
        out += '%';
        continue;
      }
      if (!conversion || !'sbqcdiuxXoeEfFgG'.includes(conversion)) {
        // A length modifier (%z, %l) or nothing at all: bash wants a conversion after it.
        const missing = !conversion || 'hlLqjzt'.includes(conversion);
        stderr.write(
          `${shell.errorPrefix()}printf: \`${missing ? spec[0] : conversion}': ${missing ? 'missing' : 'invalid'} format character\n`,
        );
        stdout.write(out);
        return 1;
      }
      const flags = spec[1];
      const width = spec[2] === '*' ? Number(integer(take())) : spec[2] === '' ? 0 : Number(spec[2]);
      const precision =
        spec[3] === undefined ? undefined : spec[3] === '*' ? Number(integer(take())) : Number(spec[3] || 0);
      let text: string;
      if ('sbqc'.includes(conversion)) {
        const arg = take() ?? '';
        if (conversion === 'b') {
          const decoded = unescape(arg, true);
          if (decoded.stop) {
            out += decoded.text;
            if (target) shell.state.set(target, out);
            else stdout.write(out);
            return status;
          }
          text = decoded.text;
        } else text = conversion === 'q' ? shellQuote(arg) : conversion === 'c' ? ([...arg][0] ?? '') : arg;
        if (precision !== undefined && conversion !== 'c') text = [...text].slice(0, precision).join('');
      } else if ('eEfFgG'.includes(conversion)) {
        const value = Number(take() ?? 0) || 0;
        const p = precision ?? 6;
        text = 'fF'.includes(conversion)
          ? value.toFixed(p)
          : 'eE'.includes(conversion)
            ? value.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2')
            : String(Number(value.toPrecision(p || 1)));
        if (conversion === 'E' || conversion === 'G') text = text.toUpperCase();
        if (flags.includes('+') && value >= 0) text = `+${text}`;
      } else {
        let value = integer(take());
        const negative = value < 0n;
        if ('uxXo'.includes(conversion) && negative) value = BigInt.asUintN(64, value);
        const base = conversion === 'o' ? 8 : conversion === 'x' || conversion === 'X' ? 16 : 10;
        let digits = (negative && base === 10 ? -value : value).toString(base);
        if (conversion === 'X') digits = digits.toUpperCase();
        if (precision !== undefined) digits = digits.padStart(precision, '0');
        if (flags.includes('#') && value !== 0n)
          digits = (base === 16 ? (conversion === 'X' ? '0X' : '0x') : base === 8 ? '0' : '') + digits;
        const sign =
          negative && base === 10
            ? '-'
            : flags.includes('+') && base === 10 && 'di'.includes(conversion)
              ? '+'
              : flags.includes(' ') && 'di'.includes(conversion)
                ? ' '
                : '';
        text = sign + digits;
        if (flags.includes('0') && !flags.includes('-') && precision === undefined && text.length < width) {
          text = sign + digits.padStart(width - sign.length, '0');
        }
      }
      const pad = Math.max(0, width - [...text].length);
      out += flags.includes('-') ? text + ' '.repeat(pad) : ' '.repeat(pad) + text;
    }
    // The format is reused while arguments remain (and it consumed some).
    if (next === 0 || next >= values.length) break;
  }
  if (target) shell.state.set(target, out);
  else stdout.write(out);
  return status;
};
