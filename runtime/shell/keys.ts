/**
 * Splits terminal input into keys: one printable character, one control character, or one
 * escape sequence (CSI `ESC [ … final`, SS3 `ESC O x`, or Meta `ESC x`).
 */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] !== '\x1b' || i + 1 >= data.length) {
      const cp = data.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      keys.push(ch);
      i += ch.length;
      continue;
    }
    const next = data[i + 1];
    if (next === '[') {
      let j = i + 2;
      while (j < data.length && !/[@-~]/.test(data[j])) j++;
      keys.push(data.slice(i, j + 1));
      i = j + 1;
    } else if (next === 'O') {
      keys.push(data.slice(i, i + 3));
      i += 3;
    } else {
      keys.push(data.slice(i, i + 2));
      i += 2;
    }
  }
  return keys;
}

/** Named keys the line editor understands, by the sequences terminals send for them. */
export const KEY = {
  enter: '\r',
  backspace: '\x7f',
  ctrlH: '\b',
  tab: '\t',
  ctrlA: '\x01',
  ctrlB: '\x02',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlE: '\x05',
  ctrlF: '\x06',
  ctrlG: '\x07',
  ctrlK: '\x0b',
  ctrlL: '\x0c',
  ctrlN: '\x0e',
  ctrlP: '\x10',
  ctrlR: '\x12',
  ctrlU: '\x15',
  ctrlW: '\x17',
  escape: '\x1b',
  up: ['\x1b[A', '\x1bOA'],
  down: ['\x1b[B', '\x1bOB'],
  right: ['\x1b[C', '\x1bOC'],
  left: ['\x1b[D', '\x1bOD'],
  home: ['\x1b[H', '\x1bOH', '\x1b[1~', '\x1b[7~'],
  end: ['\x1b[F', '\x1bOF', '\x1b[4~', '\x1b[8~'],
  delete: ['\x1b[3~'],
} as const;
