import { C_ESCAPES_WITH_QUOTES } from '../escapes';

/**
 * Decodes the body of a $'…' string starting at `start` (just after the quote): its text and
 * the index of the closing quote, or undefined when there is none.
 */
export function readAnsiC(src: string, start: number): { text: string; end: number } | undefined {
  let text = '';
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === "'") return { text, end: i };
    if (ch !== '\\' || i + 1 >= src.length) {
      text += ch;
      continue;
    }
    const next = src[++i];
    if (next in C_ESCAPES_WITH_QUOTES) text += C_ESCAPES_WITH_QUOTES[next];
    else if (next >= '0' && next <= '7') {
      const digits = /^[0-7]{1,3}/.exec(src.slice(i, i + 3))?.[0] ?? next;
      text += String.fromCharCode(parseInt(digits, 8) & 0xff);
      i += digits.length - 1;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const max = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const digits = new RegExp(`^[0-9a-fA-F]{1,${max}}`).exec(src.slice(i + 1))?.[0];
      if (!digits) text += `\\${next}`;
      else {
        const code = parseInt(digits, 16);
        text += code <= 0x10ffff ? String.fromCodePoint(code) : '';
        i += digits.length;
      }
    } else if (next === 'c' && i + 1 < src.length) {
      text += String.fromCharCode(src.charCodeAt(++i) & 0x1f);
    } else text += `\\${next}`;
  }
  return undefined;
}
