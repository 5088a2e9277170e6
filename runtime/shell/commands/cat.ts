import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { encodeUtf8 } from '../../util/utf8';
import { readInput } from './coreutils/input';
import { has } from './coreutils/options';

/** `cat -v`'s notation for one character: ^X, ^?, M-x (per UTF-8 byte); tabs and newlines kept. */
function showNonprinting(text: string, tabs: boolean): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\n' || (ch === '\t' && !tabs)) out += ch;
    else if (code < 0x20) out += `^${String.fromCharCode(code + 64)}`;
    else if (code === 0x7f) out += '^?';
    else if (code < 0x80) out += ch;
    else
      for (const byte of encodeUtf8(ch)) {
        const low = byte - 128;
        out +=
          low < 0x20 ? `M-^${String.fromCharCode(low + 64)}` : low === 0x7f ? 'M-^?' : `M-${String.fromCharCode(low)}`;
      }
  }
  return out;
}

/** GNU `cat`: concatenates files (`-` is stdin), numbering, squeezing and marking lines. */
export const cat: ShellCommand = defineUtility({
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  options: [
    { key: 'A', short: 'A', long: 'show-all' },
    { key: 'b', short: 'b', long: 'number-nonblank' },
    { key: 'e', short: 'e' },
    { key: 'E', short: 'E', long: 'show-ends' },
    { key: 'n', short: 'n', long: 'number' },
    { key: 's', short: 's', long: 'squeeze-blank' },
    { key: 't', short: 't' },
    { key: 'T', short: 'T', long: 'show-tabs' },
    { key: 'u', short: 'u' },
    { key: 'v', short: 'v', long: 'show-nonprinting' },
  ],
  async run(ctx, io) {
    const flag = (k: string): boolean => has(io.args, k);
    const all = flag('A');
    const ends = all || flag('e') || flag('E');
    const tabs = all || flag('t') || flag('T');
    const nonprinting = all || flag('e') || flag('t') || flag('v');
    const numberNonblank = flag('b');
    const number = numberNonblank || flag('n');
    const squeeze = flag('s');
    const plain = !ends && !tabs && !nonprinting && !number && !squeeze;
    let status = 0;
    let lineNo = 0;
    let blankRun = 0;
    let atLineStart = true;
    for (const name of io.args.operands.length ? io.args.operands : ['-']) {
      const text = await readInput(ctx, io, name);
      if (text === undefined) {
        status = 1;
        continue;
      }
      if (plain) {
        await io.out(text);
        continue;
      }
      let out = '';
      for (const piece of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
        const complete = piece.endsWith('\n');
        const body = complete ? piece.slice(0, -1) : piece;
        if (atLineStart && body === '' && complete) {
          blankRun++;
          if (squeeze && blankRun > 1) continue;
        } else if (atLineStart) blankRun = 0;
        if (atLineStart && number && !(numberNonblank && body === '' && complete))
          out += `${String(++lineNo).padStart(6)}\t`;
        let shown = nonprinting ? showNonprinting(body, tabs) : body;
        if (tabs && !nonprinting) shown = shown.replace(/\t/g, '^I');
        out += shown + (complete ? `${ends ? '$' : ''}\n` : '');
        atLineStart = complete;
      }
      await io.out(out);
    }
    return status;
  },
});
