/**
 * Label selectors, parsed and matched as apimachinery's pkg/labels (selector.go, v1.34) does:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`, comma-joined.
 * The errors are its errors, word for word; the requirements come out sorted by key.
 */
import { fieldInvalid, fieldNotSupported } from './field-error';
import { lexLabelSelector, Tok, type ScannedItem } from './label-selector-lexer';
import type { FieldError } from './resource';
import { compareBytes, SelectorError } from './selector-shared';
import { labelValueErrors, qualifiedNameErrors } from './validation';

/** selection.Operator's values. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

/** One requirement of a selector, its values as given (the parser hands them over sorted and unique). */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

/** A parsed label selector: all of its requirements must hold. */
export interface LabelSelector {
  matches(labels: Record<string, string> | undefined): boolean;
  /** True when it selects everything. */
  readonly empty: boolean;
  /** The requirements, sorted by key. */
  readonly requirements: readonly LabelRequirement[];
}

/** binaryOperators, in the order parseOperator's message lists them. */
const BINARY_OPERATORS: readonly LabelOperator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
/** validRequirementOperators: the binary ones, then exists and does-not-exist. */
const VALID_OPERATORS: readonly LabelOperator[] = [...BINARY_OPERATORS, 'exists', '!'];

/** Parses a label selector (labels.Parse); throws SelectorError with apimachinery's message. */
export function parseLabelSelector(text: string): LabelSelector {
  const requirements = new Parser(lexLabelSelector(text)).parse();
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.length === 0 ? EVERYTHING : new RequirementsSelector(requirements);
}

/**
 * labels.NewRequirement: the key must be a qualified name and each value a label value; `in` and
 * `notin` need values, `=`, `==` and `!=` exactly one, `gt` and `lt` one integer, `exists` and
 * `!` none. Throws SelectorError with the field errors as an aggregate renders them.
 */
export function newRequirement(key: string, operator: LabelOperator, values: readonly string[]): LabelRequirement {
  const errors: FieldError[] = [];
  const keyProblems = qualifiedNameErrors(key);
  if (keyProblems.length) errors.push(fieldInvalid('key', key, keyProblems.join('; ')));
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) {
        errors.push(fieldInvalid('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) {
        errors.push(fieldInvalid('values', values, 'exact-match compatibility requires one single value'));
      }
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) {
        errors.push(fieldInvalid('values', values, 'values set must be empty for exists and does not exist'));
      }
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) {
        errors.push(fieldInvalid('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      }
      values.forEach((value, i) => {
        if (parseInt64(value) === undefined) {
          errors.push(fieldInvalid(`values[${i}]`, value, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errors.push(fieldNotSupported('operator', operator, VALID_OPERATORS));
  }
  values.forEach((value, i) => {
    const problems = labelValueErrors(value);
    if (problems.length) errors.push(fieldInvalid(`values[${i}][${key}]`, value, problems.join('; ')));
  });
  if (errors.length) throw new SelectorError(aggregate(errors.map((e) => `${e.field}: ${e.message}`)));
  return { key, operator, values: [...values] };
}

/** The requirements' own errors get this prefix; the top-level loop's do not. */
const REQUIREMENT_PREFIX = 'unable to parse requirement: ';

/** Parser contexts: in Values, `in` and `notin` are plain identifiers (`x in (in)`). */
const KEY_AND_OPERATOR = 0;
const VALUES = 1;
type Context = typeof KEY_AND_OPERATOR | typeof VALUES;

/** The recursive-descent parser over the scanned tokens, with one token of lookahead. */
class Parser {
  private position = 0;

  constructor(private readonly items: ScannedItem[]) {}

  /** The current token, not consumed. */
  private lookahead(context: Context): ScannedItem {
    return this.inContext(this.items[Math.min(this.position, this.items.length - 1)], context);
  }

  /** The current token, consumed. */
  private consume(context: Context): ScannedItem {
    const item = this.items[Math.min(this.position, this.items.length - 1)];
    this.position++;
    return this.inContext(item, context);
  }

  private inContext(item: ScannedItem, context: Context): ScannedItem {
    if (context === VALUES && (item.tok === Tok.In || item.tok === Tok.NotIn)) {
      return { tok: Tok.Identifier, literal: item.literal };
    }
    return item;
  }

  /** Parser.parse: requirements separated by commas up to the end of the string. */
  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const { tok, literal } = this.lookahead(VALUES);
      switch (tok) {
        case Tok.Identifier:
        case Tok.DoesNotExist: {
          requirements.push(this.parseRequirementWithPrefix());
          const after = this.consume(VALUES);
          if (after.tok === Tok.EndOfString) return requirements;
          if (after.tok !== Tok.Comma)
            throw new SelectorError(`found '${after.literal}', expected: ',' or 'end of string'`);
          const next = this.lookahead(VALUES);
          if (next.tok !== Tok.Identifier && next.tok !== Tok.DoesNotExist) {
            throw new SelectorError(`found '${next.literal}', expected: identifier after ','`);
          }
          break;
        }
        case Tok.EndOfString:
          return requirements;
        default:
          throw new SelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirementWithPrefix(): LabelRequirement {
    try {
      return this.parseRequirement();
    } catch (error) {
      if (error instanceof SelectorError) throw new SelectorError(REQUIREMENT_PREFIX + error.message);
      throw error;
    }
  }

  /** parseRequirement: a key with an inferred exists / does-not-exist, or a key, an operator and values. */
  private parseRequirement(): LabelRequirement {
    const [key, inferred] = this.parseKeyAndInferOperator();
    if (inferred === 'exists' || inferred === '!') return newRequirement(key, inferred, []);
    const operator = this.parseOperator();
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, operator, sortedUnique(values));
  }

  /** parseKeyAndInferOperator: `!key` is does-not-exist; a key followed by `,` or the end is exists. */
  private parseKeyAndInferOperator(): [string, LabelOperator | undefined] {
    let operator: LabelOperator | undefined;
    let item = this.consume(VALUES);
    if (item.tok === Tok.DoesNotExist) {
      operator = '!';
      item = this.consume(VALUES);
    }
    if (item.tok !== Tok.Identifier) throw new SelectorError(`found '${item.literal}', expected: identifier`);
    const problems = qualifiedNameErrors(item.literal);
    if (problems.length) {
      // validateLabelKey with the parser's path, which labels.Parse leaves nil: Go prints it as <nil>.
      const error = fieldInvalid('<nil>', item.literal, problems.join('; '));
      throw new SelectorError(`${error.field}: ${error.message}`);
    }
    const next = this.lookahead(VALUES).tok;
    if ((next === Tok.EndOfString || next === Tok.Comma) && operator !== '!') operator = 'exists';
    return [item.literal, operator];
  }

  /** parseOperator: one of the binary operators (`in` and `notin` are keywords here). */
  private parseOperator(): LabelOperator {
    const { tok, literal } = this.consume(KEY_AND_OPERATOR);
    switch (tok) {
      case Tok.In:
        return 'in';
      case Tok.Equals:
        return '=';
      case Tok.DoubleEquals:
        return '==';
      case Tok.GreaterThan:
        return 'gt';
      case Tok.LessThan:
        return 'lt';
      case Tok.NotIn:
        return 'notin';
      case Tok.NotEquals:
        return '!=';
      default:
        throw new SelectorError(`found '${literal}', expected: ${BINARY_OPERATORS.join(', ')}`);
    }
  }

  /** parseValues: `(a,b)`; `()` is the one empty value. */
  private parseValues(): string[] {
    const open = this.consume(VALUES);
    if (open.tok !== Tok.OpenPar) throw new SelectorError(`found '${open.literal}' expected: '('`);
    const { tok, literal } = this.lookahead(VALUES);
    switch (tok) {
      case Tok.Identifier:
      case Tok.Comma: {
        const values = this.parseIdentifiersList();
        if (this.consume(VALUES).tok !== Tok.ClosedPar) throw new SelectorError(`found '${literal}', expected: ')'`);
        return values;
      }
      case Tok.ClosedPar:
        this.consume(VALUES);
        return [''];
      default:
        throw new SelectorError(`found '${literal}', expected: ',', ')' or identifier`);
    }
  }

  /**
   * parseIdentifiersList: comma-separated, possibly empty identifiers up to (not past) `)`. Its
   * quirks stay: a leading, doubled or trailing comma adds the empty value, and `(a,,)` is an error.
   */
  private parseIdentifiersList(): string[] {
    const values: string[] = [];
    for (;;) {
      const { tok, literal } = this.consume(VALUES);
      switch (tok) {
        case Tok.Identifier: {
          values.push(literal);
          const next = this.lookahead(VALUES);
          if (next.tok === Tok.Comma) continue;
          if (next.tok === Tok.ClosedPar) return values;
          throw new SelectorError(`found '${next.literal}', expected: ',' or ')'`);
        }
        case Tok.Comma: {
          if (values.length === 0) values.push('');
          const next = this.lookahead(VALUES).tok;
          if (next === Tok.ClosedPar) {
            values.push('');
            return values;
          }
          if (next === Tok.Comma) {
            this.consume(VALUES);
            values.push('');
          }
          break;
        }
        default:
          throw new SelectorError(`found '${literal}', expected: ',', or identifier`);
      }
    }
  }

  /** parseExactValue: the one value after `=`, `==`, `!=`, `>` or `<`; empty before `,` or the end. */
  private parseExactValue(): string[] {
    const next = this.lookahead(VALUES).tok;
    if (next === Tok.EndOfString || next === Tok.Comma) return [''];
    const { tok, literal } = this.consume(VALUES);
    if (tok === Tok.Identifier) return [literal];
    throw new SelectorError(`found '${literal}', expected: identifier`);
  }
}

/** sets.String's List(): unique and sorted. */
function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compareBytes);
}

/** utilerrors.Aggregate's Error(): one message plain, several (deduplicated) as `[a, b]`. */
function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

// ---- Matching -------------------------------------------------------------------------------

/** Operator kinds for the matcher's switch. */
const M_IN = 0;
const M_NOT_IN = 1;
const M_EXISTS = 2;
const M_NOT_EXISTS = 3;
const M_GT = 4;
const M_LT = 5;

/** A requirement ready to match: its kind, its values and, for gt/lt, its bound. */
interface Compiled {
  key: string;
  kind: number;
  /** The single value of `=`, `==`, `!=` (and one-valued in/notin), for a quick compare. */
  value: string | undefined;
  values: readonly string[];
  bound: number | bigint;
}

const EMPTY_LABELS: Record<string, string> = {};

class RequirementsSelector implements LabelSelector {
  readonly empty = false;
  private readonly compiled: Compiled[];

  constructor(readonly requirements: readonly LabelRequirement[]) {
    this.compiled = requirements.map(compile);
  }

  matches(labels: Record<string, string> | undefined): boolean {
    const ls = labels ?? EMPTY_LABELS;
    const compiled = this.compiled;
    for (let i = 0; i < compiled.length; i++) {
      if (!matchRequirement(compiled[i], ls)) return false;
    }
    return true;
  }
}

/** The selector with no requirements: it selects everything. */
const EVERYTHING: LabelSelector = { empty: true, requirements: [], matches: () => true };

function compile(r: LabelRequirement): Compiled {
  const kind =
    r.operator === 'in' || r.operator === '=' || r.operator === '=='
      ? M_IN
      : r.operator === 'notin' || r.operator === '!='
        ? M_NOT_IN
        : r.operator === 'exists'
          ? M_EXISTS
          : r.operator === '!'
            ? M_NOT_EXISTS
            : r.operator === 'gt'
              ? M_GT
              : M_LT;
  const bound = r.values.length === 1 ? parseInt64(r.values[0]) : undefined;
  return {
    key: r.key,
    kind,
    value: r.values.length === 1 ? r.values[0] : undefined,
    values: r.values,
    // A gt/lt requirement without exactly one integer matches nothing (Requirement.Matches).
    bound: bound ?? Number.NaN,
  };
}

/** The label's value, or undefined when the key is absent (an own property, never the prototype's). */
function lookup(labels: Record<string, string>, key: string): string | undefined {
  const value: unknown = labels[key];
  if (typeof value === 'string') return value;
  return value !== undefined && Object.prototype.hasOwnProperty.call(labels, key) ? String(value) : undefined;
}

/** Requirement.Matches. */
function matchRequirement(r: Compiled, labels: Record<string, string>): boolean {
  const value = lookup(labels, r.key);
  switch (r.kind) {
    case M_IN:
      return value !== undefined && (r.value !== undefined ? value === r.value : r.values.includes(value));
    case M_NOT_IN:
      return value === undefined || (r.value !== undefined ? value !== r.value : !r.values.includes(value));
    case M_EXISTS:
      return value !== undefined;
    case M_NOT_EXISTS:
      return value === undefined;
    default: {
      if (value === undefined) return false;
      const n = parseInt64(value);
      if (n === undefined) return false;
      return r.kind === M_GT ? n > r.bound : n < r.bound;
    }
  }
}

// ---- strconv.ParseInt and the key and value rules ---------------------------------------------

const INTEGER = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * strconv.ParseInt(text, 10, 64): an optional sign and decimal digits within int64, else
 * undefined. Small values come back as numbers, the rest as bigints (they compare exactly).
 */
export function parseInt64(text: string): number | bigint | undefined {
  if (!INTEGER.test(text)) return undefined;
  if (text.length <= 15) return Number(text);
  const n = BigInt(text);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}
