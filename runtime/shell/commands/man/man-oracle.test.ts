// Replays what the real man-db 2.11 and groff 1.22 made of kubeplay's pages (recorded by
// `npx tsx scripts/oracle/record-more.js man` from their man(7) source, roff.ts): the formatted
// text at several widths, byte for byte, and the screens of man paging them through less.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import pages from '../../../../tests/fixtures/more/man-pages.json';
import screens from '../../../../tests/fixtures/more/man-results.json';
import { recordedScreen, replay, type RecordedCase } from '../../../../tests/editor-replay';
import { formatPage } from './format';
import { ManPager } from './man-pager';
import { findPage } from './pages';

const formatted = (name: string, columns: number): string => {
  const page = findPage(name);
  if (!page) throw new Error(`no page ${name}`);
  return `${formatPage(page, columns).join('\n')}\n`;
};

describe('pages as groff formats them', () => {
  it.each(pages.map((p) => [`${p.name} at ${p.columns} columns`, p] as const))('%s', (_name, p) => {
    const text = formatted(p.name, p.columns);
    if ('text' in p) expect(text).toBe(p.text);
    expect(createHash('sha256').update(text).digest('hex')).toBe(p.sha256);
  });
});

/**
 * What editors/less/pager.ts does not do yet: real less, told to go to the end (G) of a page
 * shorter than the screen, draws the page at the bottom with ~ rows above it.
 */
const PAGER_GAPS = new Set(['man true, to the end']);

describe('man through less', () => {
  it.each(screens.filter((c) => !PAGER_GAPS.has(c.name)).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const words = c.page.split(' ');
    const name = words[words.length - 1];
    const page = findPage(name, words.length > 1 ? words[0] : undefined);
    if (!page) throw new Error(`no page ${c.page}`);
    const lines = formatPage(page, 80);
    const recorded = { ...c, file: name, saved: null } as RecordedCase;
    const result = await replay(recorded, () => new ManPager(lines, `${name}(${page.section})`, 24, 80));
    expect(result.screen).toEqual(recordedScreen(recorded));
    expect(result.cursor).toEqual(c.cursor);
  });
});
