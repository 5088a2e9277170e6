// Inline fonts of man page text, and the three ways a formatted line is shown: overstruck as
// groff writes for a terminal (what less reads), plain (man into a pipe), and with SGR escapes
// (what less draws).
import type { ManText } from './page';

/** How a character is set. */
export type Font = 'R' | 'B' | 'I';

/** A word of formatted text: its characters and their fonts. */
export interface Word {
  chars: string[];
  fonts: Font[];
}

/** Splits `text` into words, reading `**bold**` and `__italic__`; spaces separate words. */
export function parseWords(text: ManText): Word[] {
  const words: Word[] = [];
  let current: Word = { chars: [], fonts: [] };
  let font: Font = 'R';
  for (let i = 0; i < text.length; i++) {
    const pair = text.slice(i, i + 2);
    if (pair === '**' || pair === '__') {
      const toggled: Font = pair === '**' ? 'B' : 'I';
      font = font === toggled ? 'R' : toggled;
      i++;
    } else if (text[i] === ' ') {
      if (current.chars.length > 0) words.push(current);
      current = { chars: [], fonts: [] };
    } else {
      current.chars.push(text[i]);
      current.fonts.push(font);
    }
  }
  if (current.chars.length > 0) words.push(current);
  return words;
}

/** Text set in one font (a line shown as typed, a heading). */
export function wordOf(text: string, font: Font): Word {
  return { chars: [...text], fonts: [...text].map(() => font) };
}

/** A word as grotty overstrikes it: bold `c\bc`, italic (underlined) `_\bc`. */
export function overstrike(word: Word): string {
  return word.chars
    .map((ch, i) => (word.fonts[i] === 'B' ? `${ch}\b${ch}` : word.fonts[i] === 'I' ? `_\b${ch}` : ch))
    .join('');
}

/** An overstruck line as man prints it into a pipe: the characters alone. */
export function plainLine(line: string): string {
  // eslint-disable-next-line no-control-regex -- groff's overstrike is char, backspace, char
  return line.replace(/[^\n]\x08/g, '');
}

/** An overstruck line as less -R draws it: bold and underline as SGR escapes. */
export function sgrLine(line: string): string {
  let out = '';
  let open: 'B' | 'I' | undefined;
  const close = (): void => {
    if (open === 'B') out += '\x1b[0m';
    else if (open === 'I') out += '\x1b[24m';
    open = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    let font: 'B' | 'I' | undefined;
    let ch = line[i];
    if (line[i + 1] === '\b' && i + 2 < line.length) {
      font = ch === '_' && line[i + 2] !== '_' ? 'I' : 'B';
      ch = line[i + 2];
      i += 2;
    }
    if (font !== open) {
      close();
      if (font === 'B') out += '\x1b[1m';
      else if (font === 'I') out += '\x1b[4m';
      open = font;
    }
    out += ch;
  }
  close();
  return out;
}
