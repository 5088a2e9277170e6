// ${…}: the value of a parameter, and the operators that test, default, trim, replace, slice
// and change the case of it.
import type { ParamPart } from '../syntax/ast';
import { evaluateArithmetic } from './arithmetic';
import { arithVariables, expandPattern, expandString, wordPieces, type ExpansionHost, type Piece } from './expand';
import { compilePattern } from './pattern';
import { ShellError } from './signals';
import { arrayKeys } from './state';

/** The fixed parts of `$-` in kubeplay's interactive shell. */
const FLAGS = 'himBH';

/** The value of a parameter: a string, a list ($@, $*), or undefined when unset. */
export function parameterValue(host: ExpansionHost, name: string): string | string[] | undefined {
  const state = host.state;
  switch (name) {
    case '@':
    case '*':
      return state.positional;
    case '#':
      return String(state.positional.length);
    case '?':
      return String(state.lastStatus);
    case '$':
      return String(state.pid);
    case '!':
      return state.lastBackgroundPid === undefined ? undefined : String(state.lastBackgroundPid);
    case '-':
      return (
        FLAGS +
        (state.options.errexit ? 'e' : '') +
        (state.options.nounset ? 'u' : '') +
        (state.options.xtrace ? 'x' : '')
      );
    case '0':
      return state.get('0') ?? 'bash';
    case 'LINENO':
      // Dynamic, as in bash: the line of the command running (unless the learner set it).
      return state.get('LINENO') ?? String(state.lineno);
  }
  if (/^[0-9]+$/.test(name)) return state.positional[Number(name) - 1];
  return state.get(name);
}

/** ${name[index]}: an element, or all of them for @ and *; a scalar is an array of one. */
function subscripted(
  value: string | string[] | undefined,
  part: ParamPart,
  host: ExpansionHost,
): string | string[] | undefined {
  const array = host.state.vars.get(part.name)?.array;
  const list = part.name === 'PIPESTATUS' ? host.state.pipeStatus.map(String) : undefined;
  if (part.index === undefined) return list ? list[0] : value;
  if (part.index === '@' || part.index === '*') {
    if (array) return arrayKeys(array).map((key) => array.items.get(key) as string);
    return list ?? (value === undefined || Array.isArray(value) ? (value ?? []) : [value]);
  }
  if (array?.assoc) return array.items.get(assocKey(host, part.index));
  let index = Number(evaluateArithmetic(assocKey(host, part.index), arithVariables(host.state)));
  if (list) return list[index];
  if (!array) return index === 0 || index === -1 ? (value as string | undefined) : undefined;
  if (index < 0) {
    const keys = arrayKeys(array);
    index += keys.length === 0 ? 0 : Number(keys[keys.length - 1]) + 1;
  }
  return array.items.get(String(index));
}

/** An associative array's key as written in a subscript: its `$name` and `${name}` expanded. */
export function assocKey(host: ExpansionHost, subscript: string): string {
  return subscript
    .replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (_, a?: string, b?: string) => host.state.get(a ?? b ?? '') ?? '',
    )
    .replace(/^(["'])(.*)\1$/, '$2');
}

/** ${!name[@]}: the indices (or keys) of an array; 0 for a set scalar. */
function arrayIndices(host: ExpansionHost, name: string): string[] {
  const variable = host.state.vars.get(name);
  if (variable?.array) return arrayKeys(variable.array);
  return variable ? ['0'] : [];
}

/** Appends the pieces of one ${…} (or $name) to `out`. */
export async function expandParameter(
  host: ExpansionHost,
  part: ParamPart,
  quoted: boolean,
  out: Piece[],
): Promise<void> {
  if (part.bad !== undefined) throw new ShellError(`${part.bad}: bad substitution`);
  if (part.indexWord) part = { ...part, index: await expandString(host, part.indexWord), indexWord: undefined };
  if (part.indirect && (part.index === '@' || part.index === '*')) {
    return pushValue(host, part.index === '*' ? '*' : part.name, arrayIndices(host, part.name), quoted, out);
  }
  let value = subscripted(parameterValue(host, part.name), part, host);
  if (part.indirect) {
    const target = Array.isArray(value) ? value.join(' ') : value;
    value = target === undefined || target === '' ? undefined : parameterValue(host, target);
  }
  const isList = Array.isArray(value);
  const unset = value === undefined;
  const empty = unset || (isList ? value!.length === 0 : value === '');
  if (part.length) {
    checkUnset(host, part, unset);
    const length = isList ? value!.length : [...((value as string | undefined) ?? '')].length;
    return void out.push({ text: String(length), quoted, split: !quoted });
  }
  const missing = part.colon ? empty : unset;
  switch (part.op) {
    case '-':
      if (missing) return void (await pushWord(host, part, quoted, out));
      break;
    case '=':
      if (missing) {
        const assigned = await expandString(host, part.arg!);
        if (!host.state.set(part.name, assigned)) throw new ShellError(`${part.name}: readonly variable`);
        value = assigned;
      }
      break;
    case '+':
      if (!missing) await pushWord(host, part, quoted, out);
      return;
    case '?':
      if (missing) {
        const message =
          part.arg && part.arg.text !== ''
            ? await expandString(host, part.arg)
            : part.colon
              ? 'parameter null or not set'
              : 'parameter not set';
        throw new ShellError(`${part.name}: ${message}`, 1, true);
      }
      break;
    case undefined:
      checkUnset(host, part, unset);
      break;
    default:
      checkUnset(host, part, unset);
      if (part.op === ':')
        value = isList
          ? await sliceList(host, part, value as string[])
          : await substring(host, part, (value as string | undefined) ?? '');
      else if (isList) value = await Promise.all((value as string[]).map((v) => operate(host, part, v)));
      else value = await operate(host, part, (value as string | undefined) ?? '');
  }
  pushValue(host, part.index === '*' ? '*' : part.name, value, quoted, out);
}

function checkUnset(host: ExpansionHost, part: ParamPart, unset: boolean): void {
  if (unset && host.state.options.nounset && part.name !== '@' && part.name !== '*')
    throw new ShellError(`${part.name}: unbound variable`, 1, true);
}

async function pushWord(host: ExpansionHost, part: ParamPart, quoted: boolean, out: Piece[]): Promise<void> {
  if (!part.arg) return;
  for (const piece of await wordPieces(host, part.arg)) {
    if ('fieldBreak' in piece) out.push(piece);
    // Unquoted, the word's own unquoted text is split too: ${x:-a b} gives two words.
    else
      out.push(
        quoted ? { text: piece.text, quoted: true } : { text: piece.text, quoted: piece.quoted, split: !piece.quoted },
      );
  }
}

/** Appends a value: a list becomes fields ("$@") or joins on IFS's first character ("$*"). */
function pushValue(
  host: ExpansionHost,
  name: string,
  value: string | string[] | undefined,
  quoted: boolean,
  out: Piece[],
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return void out.push({ text: value, quoted, split: !quoted });
  if (quoted && name === '*') {
    const ifs = host.state.get('IFS');
    return void out.push({ text: value.join(ifs === undefined ? ' ' : ifs.slice(0, 1)), quoted: true });
  }
  value.forEach((v, i) => {
    if (i > 0) out.push({ fieldBreak: true });
    out.push({ text: v, quoted, split: !quoted });
  });
}

/** Applies a trimming, replacing, case or substring operator to one value. */
async function operate(host: ExpansionHost, part: ParamPart, value: string): Promise<string> {
  const op = part.op!;
  const pattern = compilePattern(part.arg ? await expandPattern(host, part.arg) : []);
  const chars = [...value];
  const test = (from: number, to: number): boolean => pattern.test(chars.slice(from, to).join(''));
  switch (op) {
    case '#':
    case '##':
      for (let k = 0; k <= chars.length; k++) {
        const n = op === '#' ? k : chars.length - k;
        if (test(0, n)) return chars.slice(n).join('');
      }
      return value;
    case '%':
    case '%%':
      for (let k = 0; k <= chars.length; k++) {
        const n = op === '%' ? chars.length - k : k;
        if (test(n, chars.length)) return chars.slice(0, n).join('');
      }
      return value;
    case '^':
    case '^^':
    case ',':
    case ',,': {
      const upper = op[0] === '^';
      const change = (c: string): string =>
        pattern.test(c) || !part.arg || part.arg.text === '' ? (upper ? c.toUpperCase() : c.toLowerCase()) : c;
      return op.length === 2
        ? chars.map(change).join('')
        : chars.length
          ? change(chars[0]) + chars.slice(1).join('')
          : '';
    }
  }
  // bash 5.2: an unquoted `&` in the replacement stands for the matched text.
  const replacementSegments = part.arg2 ? await expandPattern(host, part.arg2) : [];
  const replace = (from: number, to: number): string => {
    const matched = chars.slice(from, to).join('');
    return replacementSegments
      .map((seg) => {
        // A lone quoted `&` ('&', \&) is literal; inside "…" a `\&` is, and a bare `&` is not.
        if (!seg.quoted) return seg.text.replace(/&/g, matched);
        if (seg.text === '&') return '&';
        return seg.text.replace(/\\&|&/g, (m) => (m === '&' ? matched : '&'));
      })
      .join('');
  };
  const n = chars.length;
  const rest = (from: number): string => chars.slice(from).join('');
  if (op === '/#') {
    for (let j = n; j >= 0; j--) if (test(0, j)) return replace(0, j) + rest(j);
    return value;
  }
  if (op === '/%') {
    for (let i = 0; i <= n; i++) if (test(i, n)) return chars.slice(0, i).join('') + replace(i, n);
    return value;
  }
  if (!part.arg || part.arg.text === '') return value;
  let result = '';
  for (let i = 0; i < n;) {
    let matched = -1;
    for (let j = n; j > i; j--) {
      if (test(i, j)) {
        matched = j;
        break;
      }
    }
    if (matched < 0) {
      result += chars[i++];
      continue;
    }
    result += replace(i, matched);
    i = matched;
    if (op === '/') return result + rest(i);
  }
  return result;
}

/** ${x:offset:length} on a string. */
async function substring(host: ExpansionHost, part: ParamPart, value: string): Promise<string> {
  const chars = [...value];
  const vars = arithVariables(host.state);
  let offset = Number(evaluateArithmetic(await expandString(host, part.arg!), vars));
  if (offset < 0) offset = Math.max(0, chars.length + offset);
  let end = chars.length;
  if (part.arg2) {
    const length = Number(evaluateArithmetic(await expandString(host, part.arg2), vars));
    if (length < 0) {
      end = chars.length + length;
      if (end < offset) throw new ShellError(`${part.arg2.text}: substring expression < 0`);
    } else end = Math.min(chars.length, offset + length);
  }
  return chars.slice(offset, end).join('');
}

/** ${@:offset:length}: positional parameters from `offset` ($0 is offset 0). */
/** ${@:offset:length} (which counts $0 as 0) and ${array[@]:offset:length}. */
async function sliceList(host: ExpansionHost, part: ParamPart, values: string[]): Promise<string[]> {
  const all = part.index === undefined ? [host.state.get('0') ?? 'bash', ...values] : values;
  const vars = arithVariables(host.state);
  let offset = Number(evaluateArithmetic(await expandString(host, part.arg!), vars));
  if (offset < 0) offset = Math.max(0, all.length + offset);
  const length = part.arg2 ? Number(evaluateArithmetic(await expandString(host, part.arg2), vars)) : all.length;
  return all.slice(offset, offset + length);
}
