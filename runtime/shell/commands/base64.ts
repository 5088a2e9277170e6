import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { base64 as base64Encode } from '../../util/sha256';
import { decodeUtf8, encodeUtf8 } from '../../util/utf8';
import { readInput } from './coreutils/input';
import { has, last } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decoded bytes, or undefined at the first invalid input (with what decoded before it). */
function decode(text: string, ignoreGarbage: boolean): { bytes: number[]; ok: boolean } {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  let padding = false;
  for (const ch of text) {
    if (ch === '\n') continue;
    if (ch === '=') {
      padding = true;
      continue;
    }
    const v = ALPHABET.indexOf(ch);
    if (v < 0 || padding) {
      if (ignoreGarbage && v < 0) continue;
      return { bytes, ok: false };
    }
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  return { bytes, ok: bits < 6 };
}

/** GNU `base64`: encodes (wrapped at 76 columns, -w N) or decodes (-d) a file or stdin. */
export const base64: ShellCommand = defineUtility({
  name: 'base64',
  summary: 'base64 encode/decode data and print to standard output',
  options: [
    { key: 'd', short: 'd', long: 'decode' },
    { key: 'i', short: 'i', long: 'ignore-garbage' },
    { key: 'w', short: 'w', long: 'wrap', arg: 'required' },
  ],
  async run(ctx, io) {
    const ops = io.args.operands;
    if (ops.length > 1) return io.usage(`extra operand ${localeQuote(ops[1])}`);
    const wrapText = last(io.args, 'w') ?? '76';
    if (!/^\d+$/.test(wrapText)) {
      io.error(`invalid wrap size: ${localeQuote(wrapText)}`);
      return 1;
    }
    const wrap = Number(wrapText);
    const text = await readInput(ctx, io, ops[0] ?? '-');
    if (text === undefined) return 1;
    if (has(io.args, 'd')) {
      const { bytes, ok } = decode(text, has(io.args, 'i'));
      await io.out(decodeUtf8(bytes));
      if (!ok) {
        io.error('invalid input');
        return 1;
      }
      return 0;
    }
    const encoded = base64Encode(encodeUtf8(text));
    if (wrap === 0) await io.out(encoded);
    else {
      const lines = encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? [];
      await io.out(lines.map((l) => `${l}\n`).join(''));
    }
    return 0;
  },
});
