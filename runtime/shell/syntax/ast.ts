// The shape of a parsed bash command line: words made of parts (quoted text, expansions), simple
// and compound commands, pipelines and lists. The parser builds it; the interpreter walks it.

/** One piece of a word, before expansion. */
export type WordPart =
  /** Unquoted text: subject to brace expansion, tilde, word splitting and globbing. */
  | { kind: 'literal'; text: string }
  /** Quoted text ('…', $'…', or a backslash-escaped character): taken as written. */
  | { kind: 'quoted'; text: string }
  /** "…": its expansions are not split or globbed. */
  | { kind: 'double'; parts: WordPart[] }
  | ParamPart
  /** $(…) or `…`. */
  | { kind: 'command'; body: Script }
  /** $((…)): the text is expanded, then evaluated as arithmetic. */
  | { kind: 'arith'; expr: Word }
  /** <(…) or >(…): the commands run alongside, the word names the pipe to them (/dev/fd/63). */
  | { kind: 'procsub'; output: boolean; body: Script };

/** The operators of ${name<op>arg}. */
export type ParamOp =
  '-' | '=' | '+' | '?' | '#' | '##' | '%' | '%%' | '/' | '//' | '/#' | '/%' | '^' | '^^' | ',' | ',,' | ':';

/** $name, ${name}, ${#name}, ${name:-word} and the rest. */
export interface ParamPart {
  kind: 'param';
  name: string;
  /** ${#name}: the length of the value. */
  length?: boolean;
  /** ${!name}: the value of the variable named by the value. */
  indirect?: boolean;
  op?: ParamOp;
  /** The `:` of ${x:-y}: an empty value counts as unset. */
  colon?: boolean;
  arg?: Word;
  /** The replacement of ${x/pat/rep}, or the length of ${x:off:len}. */
  arg2?: Word;
  /** ${name[index]}: the subscript as written (kubeplay's only arrays are PIPESTATUS and scalars). */
  index?: string;
  /** The subscript as a word, when it holds expansions (`${a[$((n-1))]}`): expanded first. */
  indexWord?: Word;
  /** The source text of a malformed ${…}: expanding it fails with `bad substitution`. */
  bad?: string;
}

/** A word as written: its parts, and its source text (for messages and `set -x`). */
export interface Word {
  parts: WordPart[];
  text: string;
  /**
   * An array assignment given to a declaration builtin (`local -a l=(x y)`): the word expands
   * to the name alone, and the assignment is made once the builtin has declared it.
   */
  assignment?: Assignment;
}

/** A redirection operator. */
export type RedirectOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

/** One redirection: `2>file`, `<<EOF`, `>&2`. */
export interface Redirect {
  /** The file descriptor redirected; undefined means the operator's default (0 or 1). */
  fd?: number;
  op: RedirectOp;
  /** The file, descriptor or here-string; for a here-document, its delimiter. */
  target: Word;
  /** A here-document's body: expanded as in double quotes unless the delimiter was quoted. */
  heredoc?: { body: Word; quoted: boolean };
}

/** `name=value` before a command, or alone; `name[i]=value`; `name=(a b c)`. */
export interface Assignment {
  name: string;
  value: Word;
  /** `+=`: appends. */
  append: boolean;
  /** `name[subscript]=value`: the subscript as written. */
  index?: string;
  /** `name=(…)`: the words of a compound (array) assignment, `[key]=value` ones included. */
  elements?: Word[];
}

/** One clause of `case`. */
export interface CaseItem {
  patterns: Word[];
  body: List;
  terminator: ';;' | ';&' | ';;&';
}

/** A [[ … ]] expression. */
export type CondExpr =
  | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { kind: 'not'; expr: CondExpr }
  | { kind: 'unary'; op: string; arg: Word }
  | { kind: 'binary'; op: string; left: Word; right: Word }
  | { kind: 'word'; word: Word };

/** A command of any kind, with the redirections that apply to all of it. */
export type Command = (
  | { type: 'simple'; assigns: Assignment[]; words: Word[] }
  | { type: 'subshell'; body: List }
  | { type: 'group'; body: List }
  | { type: 'if'; clauses: Array<{ cond: List; body: List }>; elseBody?: List }
  | { type: 'for'; name: string; items?: Word[]; body: List }
  | { type: 'arith-for'; init: Word; cond: Word; step: Word; body: List }
  | { type: 'while'; until: boolean; cond: List; body: List }
  | { type: 'case'; word: Word; items: CaseItem[] }
  | { type: 'function'; name: string; body: Command }
  | { type: 'arith'; expr: Word }
  | { type: 'cond'; expr: CondExpr }
) & {
  redirects: Redirect[];
  /** The line the command starts on ($LINENO, and `FILE: line N:` in a script's errors). */
  line?: number;
};

/** `[!] a | b |& c`. */
export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

/** Pipelines joined by && and ||. */
export interface AndOr {
  /** The source text, for `jobs`. */
  text: string;
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

/** One entry of a list; `background` for `&`. */
export interface ListItem {
  andOr: AndOr;
  background: boolean;
}

/** Commands run one after another. */
export type List = ListItem[];

/** A whole input: its top-level commands, each run before the next is parsed (as bash -c does). */
export type Script = List;
