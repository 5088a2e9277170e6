// Shorthands for the pages: most come from one package, and end with SEE ALSO.
import type { ManPage, ManSection } from '../page';

/** A section-1 page of `source`, dated `date`. */
export const page =
  (source: string, date: string) =>
  (name: string, summary: string, synopsis: string[], sections: ManSection[]): ManPage => ({
    name,
    section: '1',
    summary,
    synopsis,
    sections,
    source,
    date,
  });

/** GNU coreutils 9.4, as Ubuntu 24.04 has it. */
export const coreutils = page('GNU coreutils 9.4', 'April 2024');

/** SEE ALSO: pages written `name(section)`, the names in bold. */
export const seeAlso = (...pages: string[]): ManSection => ({
  title: 'SEE ALSO',
  blocks: [pages.map((ref) => `**${ref.replace(/\(.*/, '')}**${ref.slice(ref.indexOf('('))}`).join(', ')],
});
