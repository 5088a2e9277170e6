import { describe, expect, it } from 'vitest';
import { matchPattern, type Segment } from './pattern';

const unquoted = (text: string): Segment[] => [{ text, quoted: false }];

describe('glob patterns', () => {
  it('take a hyphen outside brackets as itself (a pathname like kubectl-edit-*.yaml)', () => {
    expect(matchPattern(unquoted('kubectl-edit-*.yaml'), 'kubectl-edit-1234.yaml')).toBe(true);
    expect(matchPattern(unquoted('kubectl-edit-*.yaml'), 'kubectl_edit_1.yaml')).toBe(false);
    expect(
      matchPattern(
        [
          { text: 'a-b', quoted: true },
          { text: '*', quoted: false },
        ],
        'a-bc',
      ),
    ).toBe(true);
  });

  it('keep a hyphen in brackets as a range, and escaped it as itself', () => {
    expect(matchPattern(unquoted('[a-c]x'), 'bx')).toBe(true);
    expect(matchPattern(unquoted('[a\\-]x'), '-x')).toBe(true);
  });
});
