/**
 * The label and field selector parsers against apimachinery v1.34.5: pkg/labels/selector.go and
 * pkg/fields/selector.go. Each error text is copied from the Go source; the comment names the
 * function that returns it.
 */
import { describe, expect, it } from 'vitest';
import { createTestApi, podManifest } from '../../tests/api';
import { lexLabelSelector, Tok } from './label-selector-lexer';
import {
  newRequirement,
  parseFieldSelector,
  parseInt64,
  parseLabelSelector,
  SelectorError,
  type LabelOperator,
} from './selectors';

/** validation.go: RegexError(labelValueErrMsg, labelValueFmt, "MyValue", "my_value", "12345"). */
const LABEL_VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
/** validation.go: RegexError(qualifiedNameErrMsg, qualifiedNameFmt, "MyName", "my.name", "123-abc"). */
const QUALIFIED_NAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
/** validation.go: RegexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, "example.com"). */
const SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
/** parseOperator: strings.Join(binaryOperators, ", "). */
const BINARY = 'in, notin, =, ==, !=, gt, lt';
/** Parser.parse wraps parseRequirement's errors (and only those) with this. */
const REQ = 'unable to parse requirement: ';

function labelError(text: string): string {
  try {
    parseLabelSelector(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SelectorError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(text)} parsed`);
}

function fieldError(text: string): string {
  try {
    parseFieldSelector(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SelectorError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(text)} parsed`);
}

describe('the label selector lexer (Lexer.Lex)', () => {
  const lex = (text: string): string[] =>
    lexLabelSelector(text).map(({ tok, literal }) => {
      const name = Object.entries(Tok).find(([, v]) => v === tok)?.[0];
      return tok === Tok.Identifier ? `id:${literal}` : tok === Tok.EndOfString ? 'end' : `${name}:${literal}`;
    });

  it.each([
    ['', ['end']],
    [' \t\r\n', ['end']],
    ['a=b', ['id:a', 'Equals:=', 'id:b', 'end']],
    ['a==b', ['id:a', 'DoubleEquals:==', 'id:b', 'end']],
    ['a!=b', ['id:a', 'NotEquals:!=', 'id:b', 'end']],
    // scanSpecialSymbol takes the longest operator, then gives back the character that spoils it.
    ['a===b', ['id:a', 'DoubleEquals:==', 'Equals:=', 'id:b', 'end']],
    ['a!==b', ['id:a', 'NotEquals:!=', 'Equals:=', 'id:b', 'end']],
    ['a<>1', ['id:a', 'LessThan:<', 'GreaterThan:>', 'id:1', 'end']],
    ['!a', ['DoesNotExist:!', 'id:a', 'end']],
    ['!!a', ['DoesNotExist:!', 'DoesNotExist:!', 'id:a', 'end']],
    ['x in (a,b)', ['id:x', 'In:in', 'OpenPar:(', 'id:a', 'Comma:,', 'id:b', 'ClosedPar:)', 'end']],
    ['x notin(in)', ['id:x', 'NotIn:notin', 'OpenPar:(', 'In:in', 'ClosedPar:)', 'end']],
    // Anything that is neither whitespace nor an operator character belongs to an identifier.
    ['a/b.c-d_e:f;g', ['id:a/b.c-d_e:f;g', 'end']],
    ['é=ü', ['id:é', 'Equals:=', 'id:ü', 'end']],
    ['INx', ['id:INx', 'end']],
    // The Go lexer reads bytes and takes a zero byte as the end: it ends the token being read and,
    // between tokens, the input.
    ['a\u0000b', ['id:a', 'id:b', 'end']],
    ['a \u0000b', ['id:a', 'end']],
  ])('%j', (text, tokens) => {
    expect(lex(text)).toEqual(tokens);
  });
});

describe('label selectors that parse', () => {
  it.each<[string, Array<[string, LabelOperator, string[]]>]>([
    ['', []],
    ['   ', []],
    ['a', [['a', 'exists', []]]],
    ['!a', [['a', '!', []]]],
    [' ! a ', [['a', '!', []]]],
    ['a=b', [['a', '=', ['b']]]],
    ['a==b', [['a', '==', ['b']]]],
    ['a!=b', [['a', '!=', ['b']]]],
    ['a = b', [['a', '=', ['b']]]],
    // parseExactValue: nothing before ',' or the end is the empty value.
    ['a=', [['a', '=', ['']]]],
    [
      'a==,b',
      [
        ['a', '==', ['']],
        ['b', 'exists', []],
      ],
    ],
    ['a>1', [['a', 'gt', ['1']]]],
    ['a<0', [['a', 'lt', ['0']]]],
    ['a>007', [['a', 'gt', ['007']]]],
    // parseIdentifiersList: values come back as a sorted set.
    ['a in (z,y,z)', [['a', 'in', ['y', 'z']]]],
    ['a notin (x)', [['a', 'notin', ['x']]]],
    ['a in()', [['a', 'in', ['']]]],
    ['a in (,)', [['a', 'in', ['']]]],
    ['a in (,x)', [['a', 'in', ['', 'x']]]],
    ['a in (x,)', [['a', 'in', ['', 'x']]]],
    ['a in (x,,,y)', [['a', 'in', ['', 'x', 'y']]]],
    ['a in (x,,,)', [['a', 'in', ['', 'x']]]],
    // In the Values context the keywords are identifiers.
    ['in', [['in', 'exists', []]]],
    ['in=notin', [['in', '=', ['notin']]]],
    ['notin notin (in,notin)', [['notin', 'notin', ['in', 'notin']]]],
    ['a\tin\n(b)', [['a', 'in', ['b']]]],
    ['example.com/app-name_1.x=v', [['example.com/app-name_1.x', '=', ['v']]]],
    // The requirements are sorted by key.
    [
      'z=1,!y,x in (b,a),w notin (c),v>1,u<2,t',
      [
        ['t', 'exists', []],
        ['u', 'lt', ['2']],
        ['v', 'gt', ['1']],
        ['w', 'notin', ['c']],
        ['x', 'in', ['a', 'b']],
        ['y', '!', []],
        ['z', '=', ['1']],
      ],
    ],
    [
      'a=1,a=2',
      [
        ['a', '=', ['1']],
        ['a', '=', ['2']],
      ],
    ],
  ])('%j', (text, expected) => {
    const selector = parseLabelSelector(text);
    expect(selector.requirements.map((r) => [r.key, r.operator, [...r.values]])).toEqual(expected);
    expect(selector.empty).toBe(expected.length === 0);
  });
});

describe('what label selectors match (Requirement.Matches)', () => {
  const web = { app: 'web', tier: 'front', n: '7' };
  it.each<[string, Record<string, string> | undefined, boolean]>([
    ['', undefined, true],
    ['', { a: 'b' }, true],
    ['app', web, true],
    ['app', {}, false],
    ['app', undefined, false],
    ['!app', {}, true],
    ['!app', web, false],
    ['app=web', web, true],
    ['app==web', web, true],
    ['app=db', web, false],
    ['app=web', {}, false],
    ['app=', { app: '' }, true],
    ['app=', {}, false],
    // != and notin match when the key is absent.
    ['app!=web', web, false],
    ['app!=db', web, true],
    ['app!=web', {}, true],
    ['app!=web', undefined, true],
    ['app in (db,web)', web, true],
    ['app in (db)', web, false],
    ['app in (db,web)', {}, false],
    ['app notin (db)', web, true],
    ['app notin (db,web)', web, false],
    ['app notin (web)', {}, true],
    ['app in ()', { app: '' }, true],
    ['app notin ()', { app: '' }, false],
    // gt and lt compare the label's value as an integer; a value that is not one never matches.
    ['n>5', web, true],
    ['n>7', web, false],
    ['n<8', web, true],
    ['n<7', web, false],
    ['n>5', {}, false],
    ['n<5', {}, false],
    ['n>5', { n: 'seven' }, false],
    ['n<5', { n: 'seven' }, false],
    ['n>5', { n: '7.5' }, false],
    ['n>5', { n: '' }, false],
    ['n>5', { n: ' 7' }, false],
    ['n>5', { n: '+7' }, true],
    ['n>0', { n: '-4' }, false],
    ['n<1', { n: '-4' }, true],
    ['n>5', { n: '0007' }, true],
    ['n>9007199254740992', { n: '9007199254740993' }, true],
    ['n<9007199254740993', { n: '9007199254740992' }, true],
    ['n>0', { n: '9223372036854775807' }, true],
    // Out of int64 range: strconv.ParseInt fails.
    ['n>0', { n: '9223372036854775808' }, false],
    ['n<0', { n: '-9223372036854775808' }, true],
    ['n<0', { n: '-9223372036854775809' }, false],
    ['app=web,tier in (front),!debug', web, true],
    ['app=web,tier in (back),!debug', web, false],
    ['app=web,!tier', web, false],
    // Only own labels count, never the prototype's.
    ['constructor', {}, false],
    ['!toString', {}, true],
    ['toString=x', { toString: 'x' } as Record<string, string>, true],
  ])('%j on %j is %s', (text, labels, expected) => {
    expect(parseLabelSelector(text).matches(labels)).toBe(expected);
  });
});

describe('label selector errors', () => {
  it.each([
    // Parser.parse, the top-level loop: no "unable to parse requirement" prefix.
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['(a)', "found '(', expected: !, identifier, or 'end of string'"],
    [')', "found ')', expected: !, identifier, or 'end of string'"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    ['a,=b', "found '=', expected: identifier after ','"],
    ['a=b,', "found '', expected: identifier after ','"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a=b)', "found ')', expected: ',' or 'end of string'"],
    ['a in (x))', "found ')', expected: ',' or 'end of string'"],
    // parseKeyAndInferOperator leaves `!a` as does-not-exist whatever follows.
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['!a in (b)', "found 'in', expected: ',' or 'end of string'"],
    // parseKeyAndInferOperator: no identifier after '!'.
    ['!', `${REQ}found '', expected: identifier`],
    ['!!a', `${REQ}found '!', expected: identifier`],
    ['!,a', `${REQ}found ',', expected: identifier`],
    // parseOperator.
    ['a b', `${REQ}found 'b', expected: ${BINARY}`],
    ['a b/c', `${REQ}found 'b/c', expected: ${BINARY}`],
    ['a!', `${REQ}found '!', expected: ${BINARY}`],
    ['a!b', `${REQ}found '!', expected: ${BINARY}`],
    ['a (x)', `${REQ}found '(', expected: ${BINARY}`],
    ['a)', `${REQ}found ')', expected: ${BINARY}`],
    ['a\u0000b', `${REQ}found 'b', expected: ${BINARY}`],
    // parseValues: note the missing colon before '(' — it is the source's.
    ['a in x', `${REQ}found 'x' expected: '('`],
    ['a notin', `${REQ}found '' expected: '('`],
    ['a in ,', `${REQ}found ',' expected: '('`],
    ['a in (', `${REQ}found '', expected: ',', ')' or identifier`],
    ['a in (=)', `${REQ}found '=', expected: ',', ')' or identifier`],
    ['a in ((x)', `${REQ}found '(', expected: ',', ')' or identifier`],
    // parseIdentifiersList.
    ['a in (x', `${REQ}found '', expected: ',' or ')'`],
    ['a in (x y)', `${REQ}found 'y', expected: ',' or ')'`],
    ['a in (x=y)', `${REQ}found '=', expected: ',' or ')'`],
    ['a in (x,', `${REQ}found '', expected: ',', or identifier`],
    ['a in (x,=)', `${REQ}found '=', expected: ',', or identifier`],
    ['a in (x,,)', `${REQ}found ')', expected: ',', or identifier`],
    // parseExactValue.
    ['a=(', `${REQ}found '(', expected: identifier`],
    ['a===b', `${REQ}found '=', expected: identifier`],
    ['a!==b', `${REQ}found '=', expected: identifier`],
    ['a=>1', `${REQ}found '>', expected: identifier`],
    ['a<>1', `${REQ}found '>', expected: identifier`],
  ])('%j', (text, message) => {
    expect(labelError(text)).toBe(message);
  });

  it.each([
    // validateLabelKey via parseKeyAndInferOperator, whose path labels.Parse leaves nil (printed <nil>).
    ['-a', `${REQ}<nil>: Invalid value: "-a": name part ${QUALIFIED_NAME_RULE}`],
    ['!a_', `${REQ}<nil>: Invalid value: "a_": name part ${QUALIFIED_NAME_RULE}`],
    ['é=x', `${REQ}<nil>: Invalid value: "é": name part ${QUALIFIED_NAME_RULE}`],
    ['a\u0001', `${REQ}<nil>: Invalid value: "a\\x01": name part ${QUALIFIED_NAME_RULE}`],
    ['a'.repeat(64), `${REQ}<nil>: Invalid value: "${'a'.repeat(64)}": name part must be no more than 63 characters`],
    [
      `${'a'.repeat(63)}-`,
      `${REQ}<nil>: Invalid value: "${'a'.repeat(63)}-": name part must be no more than 63 characters; name part ${QUALIFIED_NAME_RULE}`,
    ],
    ['/a', `${REQ}<nil>: Invalid value: "/a": prefix part must be non-empty`],
    ['a/', `${REQ}<nil>: Invalid value: "a/": name part must be non-empty; name part ${QUALIFIED_NAME_RULE}`],
    [
      '/',
      `${REQ}<nil>: Invalid value: "/": prefix part must be non-empty; name part must be non-empty; name part ${QUALIFIED_NAME_RULE}`,
    ],
    ['Example.com/a', `${REQ}<nil>: Invalid value: "Example.com/a": prefix part ${SUBDOMAIN_RULE}`],
    [
      `${'a'.repeat(254)}/a in (x)`,
      `${REQ}<nil>: Invalid value: "${'a'.repeat(254)}/a": prefix part must be no more than 253 characters`,
    ],
    [
      'a/b/c',
      `${REQ}<nil>: Invalid value: "a/b/c": a qualified name ${QUALIFIED_NAME_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    // NewRequirement's value checks, at values[i] (the values sorted) and values[i][key].
    ['a=-b', `${REQ}values[0][a]: Invalid value: "-b": ${LABEL_VALUE_RULE}`],
    ['a!=b_', `${REQ}values[0][a]: Invalid value: "b_": ${LABEL_VALUE_RULE}`],
    ['a=ü', `${REQ}values[0][a]: Invalid value: "ü": ${LABEL_VALUE_RULE}`],
    [
      'a=' + 'b'.repeat(64),
      `${REQ}values[0][a]: Invalid value: "${'b'.repeat(64)}": must be no more than 63 characters`,
    ],
    [
      'a=' + 'ü'.repeat(32),
      `${REQ}values[0][a]: Invalid value: "${'ü'.repeat(32)}": must be no more than 63 characters; ${LABEL_VALUE_RULE}`,
    ],
    ['a in (x,-y)', `${REQ}values[0][a]: Invalid value: "-y": ${LABEL_VALUE_RULE}`],
    [
      'a notin (y_,-x)',
      `${REQ}[values[0][a]: Invalid value: "-x": ${LABEL_VALUE_RULE}, values[1][a]: Invalid value: "y_": ${LABEL_VALUE_RULE}]`,
    ],
    // NewRequirement, gt and lt: strconv.ParseInt(value, 10, 64) must succeed.
    ['a>', `${REQ}values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['a>b', `${REQ}values[0]: Invalid value: "b": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['a<1.5', `${REQ}values[0]: Invalid value: "1.5": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['a<0x1', `${REQ}values[0]: Invalid value: "0x1": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['a<1_0', `${REQ}values[0]: Invalid value: "1_0": for 'Gt', 'Lt' operators, the value must be an integer`],
    [
      'a>9223372036854775808',
      `${REQ}values[0]: Invalid value: "9223372036854775808": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    // A negative bound parses as an integer but is no label value.
    ['a>-1', `${REQ}values[0][a]: Invalid value: "-1": ${LABEL_VALUE_RULE}`],
    ['a>+5', `${REQ}values[0][a]: Invalid value: "+5": ${LABEL_VALUE_RULE}`],
    [
      'a>-',
      `${REQ}[values[0]: Invalid value: "-": for 'Gt', 'Lt' operators, the value must be an integer, values[0][a]: Invalid value: "-": ${LABEL_VALUE_RULE}]`,
    ],
    // The first requirement in the text that fails is reported (sorting comes after parsing).
    ['z=-1,a=-2', `${REQ}values[0][z]: Invalid value: "-1": ${LABEL_VALUE_RULE}`],
  ])('%j', (text, message) => {
    expect(labelError(text)).toBe(message);
  });
});

describe('newRequirement (labels.NewRequirement)', () => {
  it.each<[string, LabelOperator, string[], string]>([
    ['a', 'in', [], `values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`],
    ['a', 'notin', [], `values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`],
    ['a', '=', [], 'values: Invalid value: []: exact-match compatibility requires one single value'],
    ['a', '!=', ['x', 'y'], 'values: Invalid value: ["x","y"]: exact-match compatibility requires one single value'],
    ['a', 'exists', ['x'], 'values: Invalid value: ["x"]: values set must be empty for exists and does not exist'],
    ['a', '!', ['x'], 'values: Invalid value: ["x"]: values set must be empty for exists and does not exist'],
    ['a', 'gt', [], `values: Invalid value: []: for 'Gt', 'Lt' operators, exactly one value is required`],
    [
      'a',
      'lt',
      ['1', 'x'],
      `[values: Invalid value: ["1","x"]: for 'Gt', 'Lt' operators, exactly one value is required, values[1]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer]`,
    ],
    // The key's own path here is `key`.
    ['-a', 'exists', [], `key: Invalid value: "-a": name part ${QUALIFIED_NAME_RULE}`],
    [
      '-a',
      'in',
      [],
      `[key: Invalid value: "-a": name part ${QUALIFIED_NAME_RULE}, values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty]`,
    ],
    [
      'a',
      'bogus' as LabelOperator,
      [],
      'operator: Unsupported value: "bogus": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    ],
  ])('%s %s %j', (key, operator, values, message) => {
    expect(() => newRequirement(key, operator, values)).toThrow(new SelectorError(message));
  });

  it('accepts what the rules allow', () => {
    expect(newRequirement('a', 'in', ['', 'x'])).toEqual({ key: 'a', operator: 'in', values: ['', 'x'] });
    expect(newRequirement('a', 'gt', ['10'])).toEqual({ key: 'a', operator: 'gt', values: ['10'] });
    expect(newRequirement('a', '!', [])).toEqual({ key: 'a', operator: '!', values: [] });
  });
});

describe('parseInt64 (strconv.ParseInt(s, 10, 64))', () => {
  it.each<[string, number | bigint | undefined]>([
    ['0', 0],
    ['+12', 12],
    ['-12', -12],
    ['007', 7],
    ['999999999999999', 999999999999999],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['9223372036854775808', undefined],
    ['', undefined],
    ['+', undefined],
    ['1e3', undefined],
    ['1_000', undefined],
    [' 1', undefined],
    ['0x10', undefined],
  ])('%j', (text, expected) => {
    expect(parseInt64(text)).toBe(expected);
  });
});

describe('field selectors (fields.ParseSelector)', () => {
  it.each<[string, Array<[string, '=' | '!=', string]>]>([
    ['', []],
    [',', []],
    ['metadata.name=x', [['metadata.name', '=', 'x']]],
    ['metadata.name==x', [['metadata.name', '=', 'x']]],
    ['metadata.name!=x', [['metadata.name', '!=', 'x']]],
    ['metadata.name=', [['metadata.name', '=', '']]],
    // splitTerm: the first operator splits; the field takes no escapes, the value does.
    ['a!b=c', [['a!b', '=', 'c']]],
    ['=x', [['', '=', 'x']]],
    ['a= b ', [['a', '=', ' b ']]],
    ['a=b\\=c', [['a', '=', 'b=c']]],
    ['a=b\\,c', [['a', '=', 'b,c']]],
    ['a=b\\\\', [['a', '=', 'b\\']]],
    ['a=\\\\\\,', [['a', '=', '\\,']]],
    // The terms are sorted before they are parsed; empty terms are skipped.
    [
      'status.phase!=Running,spec.nodeName=minikube,,metadata.name==a',
      [
        ['metadata.name', '=', 'a'],
        ['spec.nodeName', '=', 'minikube'],
        ['status.phase', '!=', 'Running'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(parseFieldSelector(text).requirements.map((r) => [r.field, r.op, r.value])).toEqual(expected);
  });

  it.each<[string, Record<string, string>, boolean]>([
    ['', { 'metadata.name': 'a' }, true],
    ['metadata.name=a', { 'metadata.name': 'a' }, true],
    ['metadata.name=b', { 'metadata.name': 'a' }, false],
    ['metadata.name!=b', { 'metadata.name': 'a' }, true],
    ['metadata.name!=a', { 'metadata.name': 'a' }, false],
    // Fields.Get reads an absent field as ''.
    ['spec.nodeName=', {}, true],
    ['spec.nodeName!=', {}, false],
    ['spec.nodeName!=x', {}, true],
    ['constructor=', {}, true],
    ['metadata.name=a,spec.nodeName=n', { 'metadata.name': 'a', 'spec.nodeName': 'n' }, true],
    ['metadata.name=a,spec.nodeName=m', { 'metadata.name': 'a', 'spec.nodeName': 'n' }, false],
    ['a=x\\,y', { a: 'x,y' }, true],
  ])('%j on %j is %s', (text, fields, expected) => {
    expect(parseFieldSelector(text).matches(fields)).toBe(expected);
  });

  it.each([
    // parseSelector: a term without an operator; the first bad term in sorted order is named.
    ['a', "invalid selector: 'a'; can't understand 'a'"],
    ['metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['b=x,a', "invalid selector: 'b=x,a'; can't understand 'a'"],
    ['a!b', "invalid selector: 'a!b'; can't understand 'a!b'"],
    ['z=\\q,b', "invalid selector: 'z=\\q,b'; can't understand 'b'"],
    ['a=\\q,b', 'invalid field selector: invalid escape sequence: \\q'],
    // UnescapeValue: InvalidEscapeSequence.
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=\\é', 'invalid field selector: invalid escape sequence: \\é'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
    // UnescapedRune prints the rune with %v: its code point in decimal.
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a==b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a!==b', 'invalid field selector: unescaped character in value: 61'],
  ])('%j', (text, message) => {
    expect(fieldError(text)).toBe(message);
  });
});

describe('the API server rejects a selector that does not parse', () => {
  const PODS = '/api/v1/namespaces/default/pods';

  it.each([
    ['labelSelector', 'a b', `${REQ}found 'b', expected: ${BINARY}`],
    ['labelSelector', 'a,', "found '', expected: identifier after ','"],
    [
      'labelSelector',
      'a>x',
      `${REQ}values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    ['fieldSelector', 'metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['fieldSelector', 'metadata.name=a=b', 'invalid field selector: unescaped character in value: 61'],
    // The unsupported field is looked for in the sorted terms.
    ['fieldSelector', 'z.bogus=1,a.bogus=2', 'field label not supported: a.bogus'],
  ])('%s=%j', async (param, value, message) => {
    const { request } = await createTestApi();
    const { status, body } = await request('GET', `${PODS}?${param}=${encodeURIComponent(value)}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest', message });
  });

  it('lists with gt and a value list with doubled commas', async () => {
    const { request } = await createTestApi();
    await request('POST', PODS, podManifest('a', { metadata: { labels: { n: '10' } } }));
    await request('POST', PODS, podManifest('b', { metadata: { labels: { n: 'x' } } }));
    const { body } = await request('GET', `${PODS}?labelSelector=${encodeURIComponent('n in (x,,,10),n>9')}`);
    expect(body.items.map((i: any) => i.metadata.name)).toEqual(['a']);
  });
});
