// A ManPage as man(7) source, for the oracle: scripts/oracle/record-more.js formats it with the
// real man-db and groff, and the tests require kubeplay's format.ts to lay it out the same.
import { MANUALS, type ManBlock, type ManPage, type ManText } from './page';

/** Text for a roff text line: fonts as \fB and \fI, and characters roff would take otherwise. */
function roffText(text: ManText): string {
  let out = '';
  let font: 'R' | 'B' | 'I' = 'R';
  for (let i = 0; i < text.length; i++) {
    const pair = text.slice(i, i + 2);
    if (pair === '**' || pair === '__') {
      const toggled = pair === '**' ? 'B' : 'I';
      font = font === toggled ? 'R' : toggled;
      out += `\\f${font}`;
      i++;
    } else out += text[i] === '\\' ? '\\e' : text[i] === '-' ? '\\-' : text[i];
  }
  // A line starting with . or ' would be a request.
  return /^[.']/.test(out) ? `\\&${out}` : out;
}

function roffBlock(item: ManBlock, first: boolean): string[] {
  if (typeof item === 'string') return [...(first ? [] : ['.PP']), roffText(item)];
  if ('example' in item) return ['.PP', '.RS 4', '.nf', ...item.example.map(roffText), '.fi', '.RE'];
  return ['.TP', roffText(item.tag), roffText(item.text)];
}

/** The page's man(7) source, hyphenation off (kubeplay's formatter does not hyphenate). */
export function toRoff(page: ManPage): string {
  const quote = (text: string): string => `"${text}"`;
  const lines = [
    `.TH ${page.name.toUpperCase()} ${page.section} ${quote(page.date)} ${quote(page.source)} ${quote(MANUALS[page.section] ?? '')}`,
    '.nh',
    '.SH NAME',
    roffText(`${page.name} - ${page.summary}`),
    '.SH SYNOPSIS',
    ...page.synopsis.flatMap((line, i) => [...(i > 0 ? ['.br'] : []), roffText(line)]),
  ];
  for (const section of page.sections) {
    lines.push(`.SH ${quote(section.title)}`);
    section.blocks.forEach((item, i) => lines.push(...roffBlock(item, i === 0)));
  }
  return `${lines.join('\n')}\n`;
}
