import { describe, expect, it } from 'vitest';
import { GoInt, formatGoFloat, formatSharpV, goSprintf } from './go-template-fmt';
import { parseGoTemplate, printGoTemplate } from './go-template';
import { PrinterError } from './jsonpath-error';
import { goJsonMarshal } from './jsonpath-json';
import { parseJsonPath, printJsonPath, relaxedJsonPathExpression } from './jsonpath';

const go = (template: string, value: unknown): string => printGoTemplate(parseGoTemplate(template), value);
const jp = (template: string, value: unknown): string => printJsonPath(parseJsonPath(template), value);

describe('go-template', () => {
  it('trims around {{- -}} and keeps variables per range iteration', () => {
    expect(go('a  {{- 1 -}}  b', {})).toBe('a1b');
    expect(go('{{range $i, $e := .l}}{{$i}}={{$e}} {{end}}', { l: ['x', 'y'] })).toBe('0=x 1=y ');
  });
  it('prints <no value> for missing keys and nil, and Go maps for objects', () => {
    expect(go('{{.a.b}} {{.n}} {{.m}}', { n: null, m: { z: 1, a: [true] } })).toBe(
      '<no value> <no value> map[a:[true] z:1]',
    );
  });
  it('reports the line and column of execution errors and keeps the partial output', () => {
    try {
      go('x\n{{.s.t}}', { s: 'str' });
      expect.fail('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(PrinterError);
      expect((error as PrinterError).message).toBe(
        'error executing template "x\\n{{.s.t}}": template: output:2:4: executing "output" at <.s.t>: can\'t evaluate field t in type interface {}',
      );
      expect((error as PrinterError).output.startsWith('x\nError executing template:')).toBe(true);
    }
  });
  it('reports parse errors with Go texts', () => {
    expect(() => parseGoTemplate('{{if}}')).toThrow(
      'error parsing template {{if}}, template: output:1: missing value for if',
    );
  });
});

describe('Go formatting', () => {
  it('formats like fmt', () => {
    expect(goSprintf('%05d|%-4s|%q|%v', [new GoInt(42), 'a', 'b"', [1, 'x']])).toBe('00042|a   |"b\\""|[1 x]');
    expect(goSprintf('%d %s', ['x'])).toBe('%!d(string=x) %!s(MISSING)');
    expect(formatGoFloat(1e6)).toBe('1e+06');
    expect(formatGoFloat(0.5)).toBe('0.5');
    expect(formatSharpV({ b: null, a: [1] })).toBe(
      'map[string]interface {}{"a":[]interface {}{1}, "b":interface {}(nil)}',
    );
  });
  it('marshals JSON like encoding/json (sorted, HTML-escaped)', () => {
    expect(goJsonMarshal({ b: '<&>', a: 1 })).toBe('{"a":1,"b":"\\u003c\\u0026\\u003e"}');
  });
});

describe('jsonpath', () => {
  it('joins results with spaces and prints text outside braces as is', () => {
    expect(jp('{.l[*]} x', { l: [1, 'a', { k: 'v' }] })).toBe('1 a {"k":"v"} x');
    expect(jp('.metadata.name', {})).toBe('.metadata.name');
  });
  it('ranges, filters and slices', () => {
    const value = {
      items: [
        { n: 'a', v: 1 },
        { n: 'b', v: 2 },
        { n: 'c', v: 3 },
      ],
    };
    expect(jp('{range .items[?(@.v>1)]}{.n}{"\\n"}{end}', value)).toBe('b\nc\n');
    expect(jp('{.items[-2:].n}', value)).toBe('b c');
  });
  it('relaxes custom-columns paths', () => {
    expect(relaxedJsonPathExpression('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPathExpression('{.a}')).toBe('{.a}');
  });
});
