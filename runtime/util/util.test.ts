import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { humanDuration } from './duration';
import { base64, sha256 } from './sha256';
import { formatTime } from './time';

describe('humanDuration, as apimachinery prints AGE', () => {
  it.each([
    [-5, '<invalid>'],
    [-0.5, '0s'],
    [0, '0s'],
    [119, '119s'],
    [120, '2m'],
    [270, '4m30s'],
    [599, '9m59s'],
    [600, '10m'],
    [179 * 60 + 59, '179m'],
    [3 * 3600, '3h'],
    [7 * 3600 + 59 * 60, '7h59m'],
    [8 * 3600, '8h'],
    [47 * 3600, '47h'],
    [48 * 3600, '2d'],
    [3 * 86400 + 5 * 3600, '3d5h'],
    [7 * 86400 + 23 * 3600, '7d23h'],
    [8 * 86400, '8d'],
    [729 * 86400, '729d'],
    [730 * 86400, '2y'],
    [3 * 365 * 86400 + 15 * 86400, '3y15d'],
    [9 * 365 * 86400, '9y'],
  ])('%s s → %s', (seconds, text) => {
    expect(humanDuration(seconds * 1000)).toBe(text);
  });
});

describe('sha256 and base64', () => {
  it.each([
    '',
    'abc',
    '/v1/Pod',
    'apps/v1/Deployment',
    'a'.repeat(200),
    'b'.repeat(55),
    'b'.repeat(56),
    'b'.repeat(64),
    '你好',
  ])('match node:crypto for %j', (text) => {
    expect(base64(sha256(text))).toBe(createHash('sha256').update(text).digest('base64'));
  });
});

it('formats metav1.Time in whole seconds', () => {
  expect(formatTime(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05Z');
});
