import type { ShellCommand } from '../command';
import { C_ESCAPES } from '../escapes';

/** Interprets `echo -e` escapes; `\c` ends the output (reported by `stop`). */
function unescape(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[++i];
    if (next === 'c') return { text: out, stop: true };
    if (next in C_ESCAPES) out += C_ESCAPES[next];
    else if (next === '0' || next === 'x') {
      const pattern = next === '0' ? /^[0-7]{0,3}/ : /^[0-9a-fA-F]{1,2}/;
      const digits = pattern.exec(text.slice(i + 1))?.[0] ?? '';
      if (next === 'x' && digits === '') out += '\\x';
      else out += String.fromCharCode(parseInt(digits || '0', next === '0' ? 8 : 16));
      i += digits.length;
    } else out += `\\${next}`;
  }
  return { text: out, stop: false };
}

/** What bash's `echo` prints for `argv`: -n, -e, -E, and option words only while they are valid. */
export function echoOutput(argv: readonly string[]): string {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]); i++) {
    for (const flag of argv[i].slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  const text = argv.slice(i).join(' ');
  const out = escapes ? unescape(text) : { text, stop: false };
  return out.text + (newline && !out.stop ? '\n' : '');
}

/** bash's `echo` builtin (the interpreter runs its own copy; this one is for `help`). */
export const echo: ShellCommand = {
  name: 'echo',
  summary: 'write arguments to the standard output',
  async run({ argv, stdout }) {
    await stdout.write(echoOutput(argv));
    return 0;
  },
};
