import { describe, expect, it } from 'vitest';
import { goFloat, goJson, goQuote } from './field-error';
import { goRegExp, isKnownFormat, matchesFormat } from './schema-formats';

describe('CRD schema formats (kube-openapi strfmt at compatibility version 1.33)', () => {
  it.each<[string, string, boolean]>([
    ['date', '2024-02-29', true],
    ['date', '2023-02-29', false],
    ['date', '2024-1-01', false],
    ['date-time', '2024-01-02T03:04:05Z', true],
    ['date-time', '2024-01-02T03:04:05.123+01:00', true],
    ['date-time', '2024-01-02T24:00:00Z', false],
    ['date-time', '2024-01-02 03:04:05Z', false],
    ['duration', '1h30m', true],
    ['duration', '3 days', true],
    ['duration', 'soon', false],
    ['ipv4', '10.0.0.1', true],
    ['ipv4', '010.0.0.1', true],
    ['ipv4', '10.0.0.256', false],
    ['ipv6', '::1', true],
    ['ipv6', '2001:db8::1:2:3:4:5:6', false],
    ['cidr', '10.0.0.0/8', true],
    ['cidr', '10.0.0.0/33', false],
    ['uuid', 'A987FBC9-4BED-3078-CF07-9141BA07C9F3', true],
    ['uuid4', 'a987fbc9-4bed-3078-cf07-9141ba07c9f3', false],
    ['hostname', 'example.com', true],
    ['hostname', '-bad.example.com', false],
    ['email', 'ada@example.com', true],
    ['email', 'Ada Lovelace <ada@example.com>', true],
    ['email', 'not an address', false],
    ['uri', 'https://example.com/a?b=c', true],
    ['uri', '/just/a/path', true],
    ['uri', 'relative/path', false],
    ['mac', '01:23:45:67:89:ab', true],
    ['mac', '0123.4567.89ab', true],
    ['mac', '01:23:45', false],
    ['byte', 'aGVsbG8=', true],
    ['byte', 'hello!', false],
    ['hexcolor', '#fff', true],
    ['rgbcolor', 'rgb(255, 0, 10)', true],
    ['isbn10', '0321751043', true],
    ['isbn13', '978-0321751041', true],
    ['creditcard', '4111 1111 1111 1111', true],
    ['ssn', '123-45-6789', true],
    ['bsonobjectid', '507f1f77bcf86cd799439011', true],
  ])('%s %j: %s', (format, value, valid) => {
    expect(isKnownFormat(format)).toBe(true);
    expect(matchesFormat(format, value)).toBe(valid);
  });

  it('leaves the formats 1.34 strips unchecked', () => {
    for (const format of ['int32', 'int64', 'float', 'double', 'k8s-short-name', 'k8s-long-name', 'color']) {
      expect(isKnownFormat(format)).toBe(false);
    }
  });
});

describe('Go regular expressions', () => {
  it.each<[string, string, boolean]>([
    ['^[a-z]+$', 'abc', true],
    ['(?i)^abc$', 'ABC', true],
    ['\\Aabc\\z', 'abc', true],
    ['\\Aabc\\z', 'abc\n', false],
    ['^(?P<word>\\w+)$', 'hi', true],
    ['^[[:digit:]]+$', '123', true],
    ['^\\pL+$', 'héllo', true],
  ])('%s matches %j: %s', (pattern, text, matches) => {
    const re = goRegExp(pattern);
    expect(re).toBeInstanceOf(RegExp);
    expect((re as RegExp).test(text)).toBe(matches);
  });

  it.each([
    ['(', 'error parsing regexp: missing closing ): `(`'],
    ['a)', 'error parsing regexp: unexpected ): `a)`'],
    ['[a-z', 'error parsing regexp: missing closing ]: `[a-z`'],
    ['*a', 'error parsing regexp: missing argument to repetition operator: `*`'],
  ])('refuses %s as Go does', (pattern, message) => {
    expect((goRegExp(pattern) as Error).message).toBe(message);
  });
});

describe('Go values in field errors', () => {
  it.each<[number, string]>([
    [1.5, '1.5'],
    [1e6 + 0.5, '1.0000005e+06'],
    [0.00001, '1e-05'],
    [-0.25, '-0.25'],
  ])('%s prints as %s', (value, text) => {
    expect(goFloat(value)).toBe(text);
  });

  it('quotes strings as %q and marshals maps with sorted keys and HTML escapes', () => {
    expect(goQuote('a"b\n\x01é')).toBe('"a\\"b\\n\\x01é"');
    expect(goJson({ b: 1, a: ['<x>'], c: null })).toBe('{"a":["\\u003cx\\u003e"],"b":1,"c":null}');
  });
});
