// Go's encoding/json scanner (scanner.go), reduced to the errors it reports: what kubectl prints
// when a JSON manifest does not parse (json.Decoder.Decode on the stream's first value, which the
// YAMLOrJSONDecoder wraps as `json: offset N: …`), and what the API server answers for a body
// that is not JSON (json.Unmarshal's checkValid over the whole input).

import { encodeUtf8 } from './utf8';

type Step = (c: number) => string | undefined;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** A byte as the scanner quotes it in errors (quoteChar: strconv.Quote between single quotes). */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const escapes: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  if (escapes[c]) return `'${escapes[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c === 0x5c) return `'\\\\'`;
  return `'${String.fromCharCode(c)}'`;
}

/**
 * The error Go's json.Decoder gives for the first value of `text`: `json: offset N: invalid
 * character …` for a syntax error, `unexpected EOF` for a value cut short; undefined when it decodes.
 */
export function goJsonDecodeError(text: string): string | undefined {
  const scan = scanJson(text, false);
  if (scan.error) return `json: offset ${scan.offset}: ${scan.error}`;
  return scan.complete || !scan.nonSpace ? undefined : 'unexpected EOF';
}

/**
 * The error Go's json.Unmarshal gives for `text`: `invalid character …` (also for anything after
 * the value), `unexpected end of JSON input` for a value cut short; undefined when it decodes.
 */
export function goJsonUnmarshalError(text: string): string | undefined {
  const scan = scanJson(text, true);
  if (scan.error) return scan.error;
  return scan.complete ? undefined : 'unexpected end of JSON input';
}

interface Scan {
  /** The syntax error, and the count of bytes read up to and including the offending one. */
  error?: string;
  offset?: number;
  /** A whole value was read. */
  complete: boolean;
  nonSpace: boolean;
}

/** Scans the first value of `text` (and, when `whole`, the rest of the input, which may only be space). */
function scanJson(text: string, whole: boolean): Scan {
  const bytes = encodeUtf8(text);
  // The parse stack: 'k' object key, 'v' object value, 'a' array element (scanner parseState).
  const stack: string[] = [];
  let done = false;
  const error = (c: number, context: string): string => `invalid character ${quoteChar(c)} ${context}`;
  let step: Step;

  const literal = (rest: string, name: string, at = 0): Step => {
    return (c) => {
      if (c !== rest.charCodeAt(at))
        return error(c, `in literal ${name} (expecting ${quoteChar(rest.charCodeAt(at))})`);
      step = at + 1 < rest.length ? literal(rest, name, at + 1) : endValue;
      return undefined;
    };
  };
  const endValue: Step = (c) => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (!whole) done = true;
      else if (!isSpace(c)) return error(c, 'after top-level value');
      return undefined;
    }
    if (isSpace(c)) return undefined;
    if (top === 'k') {
      if (c !== 0x3a) return error(c, 'after object key');
      stack[stack.length - 1] = 'v';
      step = beginValue;
    } else if (top === 'v') {
      if (c === 0x2c) {
        stack[stack.length - 1] = 'k';
        step = beginString;
      } else if (c === 0x7d) stack.pop();
      else return error(c, 'after object key:value pair');
    } else if (c === 0x2c) step = beginValue;
    else if (c === 0x5d) stack.pop();
    else return error(c, 'after array element');
    return undefined;
  };
  const afterNumber: Step = (c) => (isDigit(c) ? undefined : ((step = endValue), endValue(c)));
  const exponentSign: Step = (c) => {
    if (!isDigit(c)) return error(c, 'in exponent of numeric literal');
    step = afterNumber;
    return undefined;
  };
  const fraction: Step = (c) => {
    if (isDigit(c)) return undefined;
    if (c === 0x65 || c === 0x45) return ((step = exponent), undefined);
    return ((step = endValue), endValue(c));
  };
  const exponent: Step = (c) => (c === 0x2b || c === 0x2d ? ((step = exponentSign), undefined) : exponentSign(c));
  const zero: Step = (c) => {
    if (c === 0x2e)
      return (
        (step = (d) =>
          isDigit(d) ? ((step = fraction), undefined) : error(d, 'after decimal point in numeric literal')),
        undefined
      );
    if (c === 0x65 || c === 0x45) return ((step = exponent), undefined);
    return ((step = endValue), endValue(c));
  };
  const digits: Step = (c) => (isDigit(c) ? undefined : zero(c));
  const hex =
    (left: number): Step =>
    (c) => {
      if (!isHex(c)) return error(c, 'in \\u hexadecimal character escape');
      step = left > 1 ? hex(left - 1) : inString;
      return undefined;
    };
  const inString: Step = (c) => {
    if (c === 0x22) step = endValue;
    else if (c === 0x5c)
      step = (e) => {
        if (e === 0x75) return ((step = hex(4)), undefined);
        if (!'bfnrt\\/"'.includes(String.fromCharCode(e))) return error(e, 'in string escape code');
        return ((step = inString), undefined);
      };
    else if (c < 0x20) return error(c, 'in string literal');
    return undefined;
  };
  const beginString: Step = (c) => {
    if (isSpace(c)) return undefined;
    if (c !== 0x22) return error(c, 'looking for beginning of object key string');
    return ((step = inString), undefined);
  };
  const beginValue: Step = (c) => {
    if (isSpace(c)) return undefined;
    switch (c) {
      case 0x7b:
        stack.push('k');
        step = (d) => (d === 0x7d ? (stack.pop(), (step = endValue), undefined) : beginString(d));
        return undefined;
      case 0x5b:
        stack.push('a');
        step = (d) =>
          d === 0x5d ? (stack.pop(), (step = endValue), undefined) : isSpace(d) ? undefined : beginValue(d);
        return undefined;
      case 0x22:
        return ((step = inString), undefined);
      case 0x2d:
        step = (d) =>
          d === 0x30
            ? ((step = zero), undefined)
            : isDigit(d)
              ? ((step = digits), undefined)
              : error(d, 'in numeric literal');
        return undefined;
      case 0x30:
        return ((step = zero), undefined);
      case 0x74:
        return ((step = literal('rue', 'true')), undefined);
      case 0x66:
        return ((step = literal('alse', 'false')), undefined);
      case 0x6e:
        return ((step = literal('ull', 'null')), undefined);
    }
    if (isDigit(c)) return ((step = digits), undefined);
    return error(c, 'looking for beginning of value');
  };
  step = beginValue;
  let nonSpace = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (!isSpace(c)) nonSpace = true;
    const failed = step(c);
    if (failed) return { error: failed, offset: i + 1, complete: false, nonSpace };
    if (done) return { complete: true, nonSpace };
  }
  // At the end of input a value is complete only if a space would end it (Decoder.refill at EOF).
  step(0x20);
  return { complete: done || (nonSpace && stack.length === 0 && step === endValue), nonSpace };
}
