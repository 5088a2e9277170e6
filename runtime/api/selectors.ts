/**
 * Label and field selectors, parsed and matched as apimachinery's labels.Parse and
 * fields.ParseSelector do: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`.
 */

type LabelRequirement =
  | { key: string; op: '=' | '!='; values: [string] }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: '>' | '<'; values: [string] };

/** A parsed label selector: all of its requirements must hold. */
export interface LabelSelector {
  matches(labels: Record<string, string> | undefined): boolean;
  /** True when it selects everything. */
  empty: boolean;
}

/** A parse failure; the message is apimachinery's. */
export class SelectorError extends Error {}

type Token = { kind: 'id' | 'op' | 'comma' | 'open' | 'close' | 'end'; text: string };

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === ',') {
      tokens.push({ kind: 'comma', text: ',' });
      i++;
    } else if (ch === '(') {
      tokens.push({ kind: 'open', text: '(' });
      i++;
    } else if (ch === ')') {
      tokens.push({ kind: 'close', text: ')' });
      i++;
    } else if ('=!<>'.includes(ch)) {
      const two = text.slice(i, i + 2);
      const op = two === '==' || two === '!=' ? two : ch;
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    } else {
      let j = i;
      while (j < text.length && !' \t,()=!<>'.includes(text[j])) j++;
      tokens.push({ kind: 'id', text: text.slice(i, j) });
      i = j;
    }
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

/** Parses a label selector; throws SelectorError with apimachinery's message. */
export function parseLabelSelector(text: string): LabelSelector {
  const tokens = lex(text);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos++];
  const fail = (found: Token, expected: string): never => {
    throw new SelectorError(`unable to parse requirement: found '${found.text}', expected: ${expected}`);
  };
  const requirements: LabelRequirement[] = [];
  if (peek().kind === 'end') return { empty: true, matches: () => true };
  for (;;) {
    let token = next();
    if (token.kind === 'op' && token.text === '!') {
      const key = next();
      if (key.kind !== 'id') fail(key, 'identifier');
      requirements.push({ key: key.text, op: '!' });
    } else {
      if (token.kind !== 'id') fail(token, 'identifier');
      const key = token.text;
      token = peek();
      if (token.kind === 'comma' || token.kind === 'end') {
        requirements.push({ key, op: 'exists' });
      } else if (token.kind === 'op') {
        next();
        const value = peek().kind === 'id' ? next().text : '';
        const op = token.text === '==' ? '=' : token.text;
        if (op === '!') fail(token, '=, !=, ==, in, notin, >, <');
        requirements.push({ key, op: op as '=' | '!=' | '>' | '<', values: [value] });
      } else if (token.kind === 'id' && (token.text === 'in' || token.text === 'notin')) {
        next();
        const open = next();
        if (open.kind !== 'open') fail(open, "'('");
        const values: string[] = [];
        for (;;) {
          const v = next();
          if (v.kind === 'close') break;
          if (v.kind === 'comma') continue;
          if (v.kind !== 'id') fail(v, "',', ')' or identifier");
          values.push(v.text);
        }
        requirements.push({ key, op: token.text, values });
      } else {
        fail(token, "'=', '!=', '==', 'in', notin'");
      }
    }
    const after = next();
    if (after.kind === 'end') break;
    if (after.kind !== 'comma') fail(after, "',' or 'end of string'");
  }
  return {
    empty: false,
    matches: (labels) => requirements.every((r) => matchRequirement(r, labels ?? {})),
  };
}

function matchRequirement(r: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.op) {
    case 'exists':
      return has;
    case '!':
      return !has;
    case '=':
      return has && value === r.values[0];
    case '!=':
      return !has || value !== r.values[0];
    case 'in':
      return has && r.values.includes(value);
    case 'notin':
      return !has || !r.values.includes(value);
    case '>':
    case '<': {
      const a = Number(value);
      const b = Number(r.values[0]);
      if (!has || Number.isNaN(a) || Number.isNaN(b)) return false;
      return r.op === '>' ? a > b : a < b;
    }
  }
}

/** A parsed field selector: `field=value`, `field==value`, `field!=value`, comma-joined. */
export interface FieldSelector {
  requirements: Array<{ field: string; op: '=' | '!='; value: string }>;
  matches(fields: Record<string, string>): boolean;
}

/** Parses a field selector; throws SelectorError with apimachinery's message. */
export function parseFieldSelector(text: string): FieldSelector {
  const requirements: FieldSelector['requirements'] = [];
  for (const part of splitUnescaped(text, ',')) {
    if (part === '') continue;
    const match = /^(.*?)(!=|==|=)(.*)$/.exec(part);
    if (!match) throw new SelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    requirements.push({ field: match[1], op: match[2] === '!=' ? '!=' : '=', value: unescape(match[3]) });
  }
  return {
    requirements,
    matches: (fields) => requirements.every((r) => (fields[r.field] === r.value) === (r.op === '=')),
  };
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text[i] + text[i + 1];
      i++;
    } else if (text[i] === separator) {
      parts.push(current);
      current = '';
    } else current += text[i];
  }
  parts.push(current);
  return parts;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
