// jq's object constructions `{a, b: .x, "c": 1, (e): v, $v}` and destructuring patterns
// (`$x`, `[$a, $b]`, `{a: $x, $y}`, alternatives `?//`), with bison's recoveries inside braces.
import { IDENTITY, literal, type Loc, type Node, type ObjectPatternEntry, type Pattern } from './ast';
import { ParserBase } from './parser-base';
import { dumpTruncated, typeName } from './values';

/** Keywords, which may also name object keys (`{if: 1}`) and pattern keys. */
const KEYWORDS =
  'as def module import include if then else elif reduce foreach end and or try catch label break __loc__'.split(' ');

/** A `key: value` of an object construction. */
type Pair = { key: Node; value: Node };

/** Where parsing an object goes on after a pair (or a recovery). */
type Resume = 'next' | 'separator' | 'end';

export abstract class ObjectParser extends ParserBase {
  abstract parseExp(minPrec?: number): Node;
  abstract parseTerm(): Node;
  abstract parseString(format?: string): Node;

  /**
   * `{ … }`: pairs separated by commas (a trailing one allowed). Bison resumes at the `{`, where
   * `{ error }` is a rule too, or — for an error inside a pair after a comma — at that comma:
   * it skips to the next `,` (or `}`), or to a `:` (the value is read, and jq suggests
   * parentheses around the key).
   */
  protected parseObject(): Node {
    this.advance();
    const entries: { key: Node; value: Node }[] = [];
    const start = this.peek().start;
    let phase: Resume = 'next';
    let afterComma = false;
    const resume = (at: number, closable: boolean): Resume => {
      const t = closable ? this.skipTo(',', ':', '}') : this.skipTo(',', ':');
      if (t.kind === '}') return 'end';
      this.advance();
      if (t.kind === ',') return 'next';
      // An error in the value unwinds to the same place again.
      const read = this.recovering(
        { kind: 'brace', start: at },
        () => !!this.parseObjectValue(),
        () => false,
      );
      if (!read) return resume(at, closable);
      this.fail('May need parentheses around object key expression', { start: at, end: at });
      return 'separator';
    };
    while (phase !== 'end') {
      phase = this.recovering(
        { kind: 'brace', start },
        () => {
          for (;;) {
            if (phase === 'next') {
              if (this.is('}')) return 'end';
              const at = this.peek().start;
              const pair = afterComma
                ? this.recovering<Pair | Resume>(
                    { kind: 'brace', start: at },
                    () => this.parsePair(),
                    () => resume(at, false),
                  )
                : this.parsePair();
              if (typeof pair === 'string') {
                phase = pair;
                continue;
              }
              entries.push(pair);
            }
            if (this.objectSeparator('}') === 'end') return 'end';
            [phase, afterComma] = ['next', true];
          }
        },
        () => resume(start, true),
      );
      if (phase === 'next') afterComma = true;
    }
    this.advance();
    return { type: 'object', entries };
  }

  /** After a pair: `,` (another may follow) or the closer, which is left for the caller. */
  private objectSeparator(closer: string, expected = [closer]): 'next' | 'end' {
    if (this.is(',')) {
      this.advance();
      return 'next';
    }
    if (this.is(closer)) return 'end';
    return this.syntaxError(expected);
  }

  private parsePair(): Pair {
    const t = this.peek();
    if (t.kind === 'IDENT' || KEYWORDS.includes(t.kind)) {
      this.advance();
      const key = literal(t.kind === 'IDENT' ? (t.value as string) : t.kind);
      if (t.kind !== 'IDENT' || this.is(':')) {
        this.expect(':', [':']);
        return { key, value: this.parseObjectValue() };
      }
      return { key, value: { type: 'index', target: IDENTITY, key, optional: false } };
    }
    if (t.kind === 'QQSTRING_START' || t.kind === 'FORMAT') {
      const key = this.parseString();
      if (!this.is(':')) return { key, value: { type: 'index', target: IDENTITY, key, optional: false } };
      this.advance();
      return { key, value: this.parseObjectValue() };
    }
    if (t.kind === '$') {
      this.advance();
      const name = this.expect('IDENT', ['IDENT']);
      const loc = { start: t.start, end: name.end };
      return { key: literal(name.value as string), value: { type: 'var', name: name.value as string, loc } };
    }
    if (t.kind === '(') {
      const key = this.parenthesizedKey();
      const value = this.parseObjectValue();
      this.checkKey(key, t);
      return { key, value };
    }
    return this.syntaxError();
  }

  /** `(expr):` as an object key. */
  private parenthesizedKey(): Node {
    this.advance();
    const key = this.parseExp();
    this.expect(')');
    this.expect(':', [':']);
    return key;
  }

  /** Once the pair is complete, a constant key that is not a string is a compile error. */
  private checkKey(key: Node, at: Loc): void {
    if (key.type === 'literal' && typeof key.value !== 'string')
      this.fail(`Cannot use ${typeName(key.value)} (${dumpTruncated(key.value, 15)}) as object key`, at);
  }

  /** ExpD: terms joined by `|`, each optionally negated (no other operators inside `{…}`). */
  private parseObjectValue(): Node {
    const left = this.parseNegatedTerm();
    if (!this.is('|')) return left;
    this.advance();
    return { type: 'pipe', left, right: this.parseObjectValue() };
  }

  private parseNegatedTerm(): Node {
    if (!this.is('-')) return this.parseTerm();
    this.advance();
    return { type: 'negate', operand: this.parseNegatedTerm() };
  }

  /** `$a ?// [$b] ?// …`. */
  protected parsePatterns(): Pattern[] {
    const patterns = [this.parsePattern()];
    while (this.is('?//')) {
      this.advance();
      patterns.push(this.parsePattern());
    }
    return patterns;
  }

  private parsePattern(): Pattern {
    const t = this.peek();
    if (t.kind === '$') {
      this.advance();
      return { type: 'var', name: this.expect('IDENT', ['IDENT']).value as string };
    }
    if (t.kind === '[') {
      this.advance();
      const elements = [this.parsePattern()];
      while (!this.is(']')) {
        this.expect(',', [',', ']']);
        elements.push(this.parsePattern());
      }
      this.advance();
      return { type: 'array', elements };
    }
    if (t.kind !== '{') this.syntaxError(['$', '[', '{']);
    this.advance();
    const entries: ObjectPatternEntry[] = [];
    // Errors inside an entry resume there; a bad separator resumes at the `{` (ObjPats is left
    // recursive), where the error spans from the first entry.
    const first = this.peek().start;
    let phase: 'entry' | 'separator' = 'entry';
    for (;;) {
      const step = this.recovering(
        { kind: 'objectPattern', start: first },
        () => {
          if (phase === 'entry') {
            const at = this.peek().start;
            const entry = this.recovering<ObjectPatternEntry | 'separator'>(
              { kind: 'objectPattern', start: at },
              () => this.parseObjectPatternEntry(),
              () => this.resumeObjectPattern(at),
            );
            if (entry !== 'separator') entries.push(entry);
          }
          return this.objectSeparator('}', [',', '}']);
        },
        () => this.resumeObjectPattern(first),
      );
      if (step === 'end') break;
      phase = step === 'next' ? 'entry' : 'separator';
    }
    this.advance();
    return { type: 'object', entries };
  }

  /** After an error in `{…}` destructuring: skip to a `:`, read a pattern, suggest parentheses. */
  private resumeObjectPattern(start: number): 'separator' {
    this.skipTo(':');
    this.advance();
    const read = this.recovering(
      { kind: 'objectPattern', start },
      () => !!this.parsePattern(),
      () => false,
    );
    if (!read) return this.resumeObjectPattern(start);
    this.fail('May need parentheses around object key expression', { start, end: start });
    return 'separator';
  }

  private parseObjectPatternEntry(): ObjectPatternEntry {
    const t = this.peek();
    if (t.kind === '$') {
      this.advance();
      const name = this.expect('IDENT', ['IDENT']).value as string;
      if (!this.is(':')) return { key: literal(name), bindAs: name };
      this.advance();
      return { key: literal(name), bindAs: name, pattern: this.parsePattern() };
    }
    let key: Node;
    if (t.kind === 'IDENT' || KEYWORDS.includes(t.kind)) {
      this.advance();
      key = literal(t.kind === 'IDENT' ? (t.value as string) : t.kind);
      this.expect(':', [':']);
    } else if (t.kind === 'QQSTRING_START' || t.kind === 'FORMAT') {
      key = this.parseString();
      this.expect(':', [':']);
    } else if (t.kind === '(') {
      key = this.parenthesizedKey();
      const pattern = this.parsePattern();
      this.checkKey(key, t);
      return { key, pattern };
    } else return this.syntaxError();
    return { key, pattern: this.parsePattern() };
  }
}
