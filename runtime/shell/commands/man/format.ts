// A ManPage laid out as man-db shows it on a terminal (groff's an macros for nroff): the title
// line, headings at the margin, text indented 7 columns, options' descriptions 14, and the
// footer. Lines come overstruck (styled.ts) as groff writes them.
import { Adjuster, fill } from './fill';
import { MANUALS, type ManBlock, type ManPage } from './page';
import { overstrike, parseWords, wordOf, type Word } from './styled';

/** Where text starts, and where an option's description starts. */
const INDENT = 7;
const TAG_INDENT = 14;
/** Examples sit 4 columns in from the text (.RS 4). */
const EXAMPLE_INDENT = 11;

/** The line length man-db asks groff for on a terminal `columns` wide (MANWIDTH or the tty's). */
export function manLineLength(columns: number): number {
  return columns >= 80 ? Math.floor((columns * 39) / 40) : Math.max(10, columns - 2);
}

/**
 * `left`, `centre` and `right` on one line of `width` columns, as troff's .tl sets them: the
 * centre part centred, the right part flush right, each overstriking what it meets.
 */
function titleLine(left: string, centre: string, right: string, width: number): string {
  const cells: string[] = [];
  const put = (text: string, at: number): void => {
    for (let i = 0; i < text.length; i++) {
      const cell = Math.max(0, at) + i;
      const under = cells[cell];
      // grotty overstrikes a character set where another is; a space leaves it.
      if (under === undefined || under === ' ') cells[cell] = text[i];
      else if (text[i] !== ' ') cells[cell] = `${under}\b${text[i]}`;
    }
  };
  put(left, 0);
  put(centre, Math.round((width - centre.length) / 2));
  put(right, width - right.length);
  return Array.from(cells, (cell) => cell ?? ' ').join('');
}

const indent = (columns: number, lines: string[]): string[] => lines.map((line) => ' '.repeat(columns) + line);

/** The lines of one block of a section. */
function block(item: ManBlock, width: number, adjuster: Adjuster): string[] {
  if (typeof item === 'string') return indent(INDENT, fill(parseWords(item), width - INDENT, adjuster));
  if ('example' in item) return item.example.map((line) => (line === '' ? '' : ' '.repeat(EXAMPLE_INDENT) + line));
  // .TP: the tag at the text's indent (filled like text when long); its description after it
  // on the same line when the tag leaves room.
  const tag = parseWords(item.tag);
  const tagWidth = tag.reduce((sum: number, word: Word) => sum + word.chars.length, 0) + tag.length - 1;
  if (tagWidth < TAG_INDENT - INDENT) {
    const body = indent(TAG_INDENT, fill(parseWords(item.text), width - TAG_INDENT, adjuster));
    const first = ' '.repeat(INDENT) + tag.map(overstrike).join(' ') + (body[0] ?? '').slice(INDENT + tagWidth);
    return [first, ...body.slice(1)];
  }
  const tagLines = indent(INDENT, fill(tag, width - INDENT, adjuster));
  return [...tagLines, ...indent(TAG_INDENT, fill(parseWords(item.text), width - TAG_INDENT, adjuster))];
}

/** The page's lines, overstruck, for a terminal `columns` wide. */
export function formatPage(page: ManPage, columns: number): string[] {
  const width = manLineLength(columns);
  const adjuster = new Adjuster();
  const title = `${page.name.toUpperCase()}(${page.section})`;
  const heading = (text: string): string[] => [
    '',
    text
      .split(' ')
      .map((word) => overstrike(wordOf(word, 'B')))
      .join(' '),
  ];
  const lines = [titleLine(title, MANUALS[page.section] ?? '', title, width)];
  lines.push(...heading('NAME'));
  lines.push(...indent(INDENT, fill(parseWords(`${page.name} - ${page.summary}`), width - INDENT, adjuster)));
  lines.push(...heading('SYNOPSIS'));
  for (const synopsis of page.synopsis)
    lines.push(...indent(INDENT, fill(parseWords(synopsis), width - INDENT, adjuster)));
  for (const section of page.sections) {
    lines.push(...heading(section.title));
    section.blocks.forEach((item, i) => {
      if (i > 0) lines.push('');
      lines.push(...block(item, width, adjuster));
    });
  }
  lines.push('', titleLine(page.source, page.date, title, width));
  return lines;
}
