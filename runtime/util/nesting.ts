/**
 * How deeply a JSON or YAML text nests, found by a cheap scan before any parser sees it: flow
 * brackets (`[`, `{`) outside quotes, plus, for YAML, the stack of block indentation levels.
 * Parsers recurse per level, and the yaml package exhausts the stack (and at a few thousand
 * levels crashes the whole process) on deep input, so callers refuse texts nested beyond a limit.
 */
export function nestingDepth(text: string): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (lineStart && flow === 0) {
      let spaces = 0;
      while (text[i + spaces] === ' ') spaces++;
      const next = text[i + spaces];
      if (next !== '\n' && next !== '\r' && next !== '#' && next !== undefined) {
        while (indents.length > 0 && indents[indents.length - 1] >= spaces) indents.pop();
        indents.push(spaces);
      }
    }
    lineStart = ch === '\n';
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote || ch === '\n') quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') flow++;
    else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    max = Math.max(max, flow + indents.length);
  }
  return max;
}

/** The deepest nesting kubeplay's decoders accept. */
export const MAX_NESTING = 500;
