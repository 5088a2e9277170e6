// A recursive-descent parser for POSIX BRE and ERE with GNU extensions, following glibc's
// regcomp.c (parse_reg_exp, parse_branch, parse_expression, parse_dup_op) so that the same
// patterns are accepted, read the same way, and rejected with the same messages.
import { codePointAt } from '../bytes';
import { type CharSet, ERRORS, type Node, RegexError, type Syntax } from './ast';
import { parseBracket } from './bracket';
import { CLASSES, isWordChar } from './classes';
import { peekToken, Tok, type Token } from './lexer';

/** glibc's RE_DUP_MAX. */
const DUP_MAX = 0x7fff;

export interface Parsed {
  root: Node | null;
  /** How many groups the pattern has (re_nsub). */
  groups: number;
  hasBackrefs: boolean;
}

/** A \w or \s class (or its negation), which glibc builds without regard to M mode. */
function classSet(word: boolean, negated: boolean): CharSet {
  const test = word ? isWordChar : CLASSES.space;
  return { negated, chars: new Set(), ranges: [], classes: [test], notNewline: false };
}

class Parser {
  private pos = 0;
  private token!: Token;
  private groups = 0;
  /** Bit n: group n+1 is closed, so \n+1 may refer to it. */
  private completed = 0;
  private hasBackrefs = false;

  constructor(
    private readonly re: string,
    private readonly syntax: Syntax,
  ) {}

  parse(): Parsed {
    this.fetch(true);
    const root = this.regExp(0);
    return { root, groups: this.groups, hasBackrefs: this.hasBackrefs };
  }

  /** The current token's type (a method, as fetching changes it behind the compiler's back). */
  private type(): number {
    return this.token.type;
  }

  private fetch(caretHere = false): void {
    this.token = peekToken(this.re, this.pos, this.syntax, caretHere);
    this.pos += this.token.len;
  }

  /** Whether the current token ends a branch. */
  private endsBranch(nest: number): boolean {
    const t = this.token.type;
    return t === Tok.alt || t === Tok.end || (nest > 0 && t === Tok.close);
  }

  private regExp(nest: number): Node | null {
    const initial = this.completed;
    const first = this.branch(nest);
    if (this.token.type !== Tok.alt) return first;
    const branches: Array<Node | null> = [first];
    while (this.token.type === Tok.alt) {
      this.fetch(true);
      if (this.endsBranch(nest)) {
        branches.push(null);
        continue;
      }
      // A back-reference may not point into another alternative.
      const accumulated = this.completed;
      this.completed = initial;
      branches.push(this.branch(nest));
      this.completed |= accumulated;
    }
    return { kind: 'alt', branches };
  }

  private branch(nest: number): Node | null {
    const items: Node[] = [];
    const first = this.expression(nest);
    if (first) items.push(first);
    while (!this.endsBranch(nest)) {
      const next = this.expression(nest);
      if (next) items.push(next);
    }
    if (items.length === 0) return null;
    return items.length === 1 ? items[0] : { kind: 'cat', items };
  }

  /** The current token as a literal character. */
  private literal(): Node {
    const { bytes } = this.token;
    const cp = bytes.charCodeAt(0) < 0x80 ? bytes.charCodeAt(0) : codePointAt(bytes, 0);
    return { kind: 'char', bytes, cp };
  }

  private expression(nest: number): Node | null {
    const { type } = this.token;
    const { extended } = this.syntax;
    let tree: Node | null;
    switch (type) {
      case Tok.char:
        tree = this.literal();
        break;
      case Tok.open:
        tree = this.subExpression(nest + 1);
        break;
      case Tok.bracket: {
        const { set, end } = parseBracket(this.re, this.pos, this.syntax);
        this.pos = end;
        tree = { kind: 'set', set };
        break;
      }
      case Tok.backref:
        if (!(this.completed & (1 << this.token.arg))) throw new RegexError(ERRORS.esubreg);
        this.hasBackrefs = true;
        tree = { kind: 'backref', index: this.token.arg + 1 };
        break;
      case Tok.openBrace:
      case Tok.star:
      case Tok.plus:
      case Tok.question:
        // A repetition with nothing before it: an error in an ERE (and for \{ in a BRE),
        // otherwise the character itself.
        if (extended || type === Tok.openBrace) throw new RegexError(ERRORS.badrpt);
        tree = this.literal();
        break;
      case Tok.close:
        if (!this.syntax.parenOrd) throw new RegexError(ERRORS.erparen);
        tree = this.literal();
        break;
      case Tok.closeBrace:
        tree = this.literal();
        break;
      case Tok.anchor: {
        const node: Node = { kind: 'assert', what: this.token.arg };
        // Anchors take no repetition: `^*` is an anchor and a (literal or invalid) star.
        this.fetch();
        return node;
      }
      case Tok.period:
        tree = { kind: 'any' };
        break;
      case Tok.word:
      case Tok.notWord:
        tree = { kind: 'set', set: classSet(true, type === Tok.notWord) };
        break;
      case Tok.space:
      case Tok.notSpace:
        tree = { kind: 'set', set: classSet(false, type === Tok.notSpace) };
        break;
      case Tok.backslash:
        throw new RegexError(ERRORS.eescape);
      default:
        return null;
    }
    this.fetch();
    while (this.isRepetition()) {
      tree = this.repetition(tree);
      // In a BRE a repetition may not follow another: a** and a*\{2\} are errors.
      if (!extended && (this.token.type === Tok.star || this.token.type === Tok.openBrace))
        throw new RegexError(ERRORS.badrpt);
    }
    return tree;
  }

  private isRepetition(): boolean {
    const t = this.token.type;
    return t === Tok.star || t === Tok.plus || t === Tok.question || t === Tok.openBrace;
  }

  private subExpression(nest: number): Node {
    const index = this.groups++;
    this.fetch(true);
    let body: Node | null = null;
    if (this.token.type !== Tok.close) {
      body = this.regExp(nest);
      if (this.token.type !== Tok.close) throw new RegexError(ERRORS.eparen);
    }
    if (index < 9) this.completed |= 1 << index;
    return { kind: 'group', index: index + 1, body };
  }

  /** glibc's fetch_number: the number in an interval, -1 for none, -2 for garbage. */
  private number(): number {
    let num = -1;
    for (;;) {
      this.fetch();
      const { type, c } = this.token;
      if (type === Tok.end) return -2;
      if (type === Tok.closeBrace || c === 0x2c) return num;
      const digit = type === Tok.char && c >= 0x30 && c <= 0x39;
      num = !digit || num === -2 ? -2 : num === -1 ? c - 0x30 : Math.min(DUP_MAX + 1, num * 10 + c - 0x30);
    }
  }

  private repetition(elem: Node | null): Node | null {
    let min: number;
    let max: number;
    if (this.token.type === Tok.openBrace) {
      min = this.number();
      max = 0;
      if (min === -1) {
        if (this.token.c === 0x2c) min = 0;
        else throw new RegexError(ERRORS.badbr);
      }
      if (min !== -2) max = this.type() === Tok.closeBrace ? min : this.token.c === 0x2c ? this.number() : -2;
      if (min === -2 || max === -2) throw new RegexError(this.type() === Tok.end ? ERRORS.ebrace : ERRORS.badbr);
      if ((max !== -1 && min > max) || this.type() !== Tok.closeBrace) throw new RegexError(ERRORS.badbr);
      if ((max === -1 ? min : max) > DUP_MAX) throw new RegexError(ERRORS.esize);
    } else {
      min = this.token.type === Tok.plus ? 1 : 0;
      max = this.token.type === Tok.question ? 1 : -1;
    }
    this.fetch();
    if (!elem || (min === 0 && max === 0)) return null;
    return { kind: 'repeat', body: elem, min, max };
  }
}

/** Parses `re` (a byte string, sed's escapes already applied); throws RegexError. */
export function parseRegex(re: string, syntax: Syntax): Parsed {
  return new Parser(re, syntax).parse();
}
