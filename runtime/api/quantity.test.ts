import { describe, expect, it } from 'vitest';
import { addQuantities, formatQuantity, parseQuantity } from './quantity';

describe('Quantity', () => {
  it.each([
    ['1', '1'],
    ['500m', '500m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['2000', '2k'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1G', '1G'],
    ['1e3', '1k'],
    ['0', '0'],
    ['100', '100'],
  ])('%s prints as %s', (text, canonical) => {
    expect(formatQuantity(parseQuantity(text)!)).toBe(canonical);
  });

  it('adds in the first operand format and refuses non-quantities', () => {
    expect(formatQuantity(addQuantities(parseQuantity('250m')!, parseQuantity('1')!))).toBe('1250m');
    expect(formatQuantity(addQuantities(parseQuantity('64Mi')!, parseQuantity('64Mi')!))).toBe('128Mi');
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('1Xi')).toBeUndefined();
  });
});
