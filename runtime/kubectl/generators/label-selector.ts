import { parseLabelSelector, SelectorError } from '../../api/selectors';
import { GeneratorError } from './generator';
import { byBytes, sortKeys } from './go-json';

/** Splits a selector at the commas outside parentheses. */
function terms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((t) => t.trim()).filter(Boolean);
}

type Requirement = { key: string; operator: string; values?: string[] };

/** One requirement of an already valid selector term. */
function requirement(term: string): Requirement {
  if (term.startsWith('!')) return { key: term.slice(1).trim(), operator: 'DoesNotExist' };
  const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (set) {
    const values = [...new Set(set[3].split(',').map((v) => v.trim()))].sort(byBytes);
    return { key: set[1], operator: set[2] === 'in' ? 'In' : 'NotIn', values };
  }
  const op = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*(.*)$/.exec(term);
  if (op) return { key: op[1], operator: op[2], values: [op[3].trim()] };
  return { key: term, operator: 'Exists' };
}

/** metav1.ParseToLabelSelector: equality terms become matchLabels, the rest matchExpressions (sorted by key). */
export function parseToLabelSelector(text: string): unknown {
  try {
    parseLabelSelector(text);
  } catch (error) {
    if (!(error instanceof SelectorError)) throw error;
    throw new GeneratorError(`couldn't parse the selector string "${text}": ${error.message}`);
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Requirement[] = [];
  const requirements = terms(text)
    .map(requirement)
    .sort((a, b) => byBytes(a.key, b.key));
  for (const r of requirements) {
    if (r.operator === '=' || r.operator === '==') matchLabels[r.key] = r.values?.[0] ?? '';
    else if (r.operator === '<' || r.operator === '>')
      throw new GeneratorError(`"${r.operator === '<' ? 'lt' : 'gt'}" isn't supported in label selectors`);
    else if (r.operator === '!=') throw new GeneratorError('"!=" is not a valid label selector operator');
    else matchExpressions.push(r);
  }
  return {
    ...(Object.keys(matchLabels).length ? { matchLabels: sortKeys(matchLabels) } : {}),
    ...(matchExpressions.length ? { matchExpressions } : {}),
  };
}
