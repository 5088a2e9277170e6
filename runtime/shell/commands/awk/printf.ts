// awk's printf/sprintf over cells, as mawk's do_printf: each conversion takes the next
// argument converted as the letter wants; errors name the conversion and the format.
import { formatFloat, formatSigned, formatString, formatUnsigned, type Spec } from './c-format';
import { toInt, toUnsigned, numericValue } from './numbers';
import { StrNum, toNum, type Cell } from './values';

/** A printf error; the message is mawk's run time error text. */
export class PrintfError extends Error {}

/**
 * Formats `args` by `format`. `emit` receives each piece as it is done, so that printf's
 * output before an error still appears (mawk writes as it goes).
 */
export function awkFormat(
  who: 'printf' | 'sprintf',
  format: string,
  args: Cell[],
  str: (c: Cell) => string,
  emit: (text: string) => void,
): void {
  let argi = 0;
  let count = 0;
  let i = 0;
  let plain = '';
  const flush = (): void => {
    if (plain !== '') emit(plain);
    plain = '';
  };
  const fail = (message: string): never => {
    flush();
    throw new PrintfError(message);
  };
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      plain += format.slice(i);
      break;
    }
    plain += format.slice(i, pct);
    count++;
    if (format[pct + 1] === '%') {
      plain += '%';
      i = pct + 2;
      continue;
    }
    let q = pct + 1;
    while ("-+ #0'".includes(format[q] ?? 'x')) q++;
    const flags = format.slice(pct + 1, q);
    let width: number | undefined;
    let precision: number | undefined;
    let dotWithoutDigits = false;
    const star = (): number => {
      if (argi >= args.length) fail(`not enough arguments passed to ${who}("${format}")`);
      return toInt(toNum(args[argi++]));
    };
    if (format[q] === '*') {
      width = star();
      q++;
    } else {
      const m = /^\d+/.exec(format.slice(q));
      if (m) {
        width = Number(m[0]);
        q += m[0].length;
      }
    }
    if (format[q] === '.') {
      q++;
      if (format[q] === '*') {
        precision = star();
        q++;
      } else {
        const m = /^\d+/.exec(format.slice(q));
        if (m) {
          precision = Number(m[0]);
          q += m[0].length;
        } else {
          precision = 0;
          dotWithoutDigits = true;
        }
      }
    }
    if (argi >= args.length) fail(`not enough arguments passed to ${who}("${format}")`);
    let size = '';
    if (format[q] === 'l' || format[q] === 'h') size = format[q++];
    const conv = format[q++] ?? '';
    const arg = args[argi++];
    const bad = (): never => fail(`improper conversion(number ${count}) in ${who}("${format}")`);
    let text: string;
    if (conv === 's' || conv === 'c') {
      if (size) bad();
      let s: string;
      if (conv === 's') s = str(arg);
      else if (typeof arg === 'number' || arg instanceof StrNum) s = String.fromCharCode(toInt(toNum(arg)) & 0xff);
      else if (arg === null) s = '\0';
      else {
        const n = numericValue(arg);
        s = n !== undefined ? String.fromCharCode(toInt(n) & 0xff) : (arg[0] ?? '\0');
      }
      text = formatString(s, flags, width, dotWithoutDigits ? undefined : precision);
    } else {
      const spec: Spec = { flags, width: 0, precision: precision ?? -1, conv };
      if (width !== undefined) {
        if (width < 0) {
          spec.flags += '-';
          spec.width = -width;
        } else spec.width = width;
      }
      if (spec.precision < -1) spec.precision = -1;
      const d = toNum(arg);
      if (conv === 'd' || conv === 'i') text = formatSigned(toInt(d), spec);
      else if (conv === 'o' || conv === 'x' || conv === 'X' || conv === 'u') text = formatUnsigned(toUnsigned(d), spec);
      else if ('eEfgG'.includes(conv) && conv !== '') {
        if (size) bad();
        text = formatFloat(d, spec);
      } else return bad();
    }
    plain += text;
    i = q;
  }
  flush();
}

/** sprintf: the formatted string. */
export function awkSprintf(format: string, args: Cell[], str: (c: Cell) => string): string {
  let out = '';
  awkFormat('sprintf', format, args, str, (t) => (out += t));
  return out;
}
