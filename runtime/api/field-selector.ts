/**
 * Field selectors, parsed and matched as apimachinery's fields.ParseSelector (pkg/fields/selector.go,
 * v1.34) does: `field=value`, `field==value`, `field!=value`, comma-joined, with `\,` `\=` `\\`
 * escapes in values. The terms are sorted first, as Go sorts them, so the first error (and the
 * first unsupported field the API server reports) is the first in that order.
 */
import { compareBytes, SelectorError } from './selector-shared';

/** One term: `=` (also written `==`) or `!=`, and the unescaped value. */
export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** A parsed field selector: every term must hold; an absent field reads as the empty string. */
export interface FieldSelector {
  requirements: FieldRequirement[];
  matches(fields: Record<string, string>): boolean;
}

/** Parses a field selector (fields.ParseSelector); throws SelectorError with apimachinery's message. */
export function parseFieldSelector(text: string): FieldSelector {
  const requirements: FieldRequirement[] = [];
  const terms = splitTerms(text).sort(compareBytes);
  for (const term of terms) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) throw new SelectorError(`invalid selector: '${text}'; can't understand '${term}'`);
    const [field, op, rhs] = split;
    requirements.push({ field, op: op === '!=' ? '!=' : '=', value: unescapeValue(rhs) });
  }
  return {
    requirements,
    matches: (fields) => {
      for (const r of requirements) {
        if ((fieldValue(fields, r.field) === r.value) !== (r.op === '=')) return false;
      }
      return true;
    },
  };
}

/** Fields.Get: the value, or '' when the field is absent. */
function fieldValue(fields: Record<string, string>, field: string): string {
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : '';
}

/** splitTerms: splits at the commas that are not backslash-escaped; the escapes stay in the terms. */
function splitTerms(text: string): string[] {
  if (text === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** termOperators in the order tried at each position: `!=`, then `==`, then `=`. */
const TERM_OPERATORS = ['!=', '==', '='] as const;

/** splitTerm: the field before the first operator (no escapes there), the operator, the raw value. */
function splitTerm(term: string): [string, (typeof TERM_OPERATORS)[number], string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/** UnescapeValue: `\\`, `\,` and `\=` stand for themselves; any other escape, or a bare `,` or `=`, is an error. */
function unescapeValue(text: string): string {
  if (!/[\\,=]/.test(text)) return text;
  let out = '';
  let inSlash = false;
  for (const c of text) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new SelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // UnescapedRune prints the rune with %v: its code point in decimal.
      throw new SelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new SelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}
