// A manual page as data: what man(7) source would hold, in a form kubeplay formats itself.

/**
 * Text with inline fonts: `**bold**` and `__italic__` (a terminal shows italic underlined).
 * Words are separated by single spaces; plain ASCII only.
 */
export type ManText = string;

/** A block of a section: a paragraph, an option with its description, or lines shown as typed. */
export type ManBlock = ManText | { tag: ManText; text: ManText } | { example: string[] };

/** A section: NAME and SYNOPSIS come first by themselves; DESCRIPTION, OPTIONS, … follow. */
export interface ManSection {
  title: string;
  blocks: ManBlock[];
}

/** One page, e.g. ls(1). */
export interface ManPage {
  name: string;
  section: string;
  /** The NAME line's description: `ls - list directory contents`. */
  summary: string;
  /** The SYNOPSIS lines, one paragraph each. */
  synopsis: ManText[];
  sections: ManSection[];
  /** The footer's left part: the package and its version. */
  source: string;
  /** The footer's middle: when the page was written. */
  date: string;
  /** Other names the page answers to (`vim` for vi). */
  aliases?: string[];
}

/** The header's middle, by section, as man-pages has it. */
export const MANUALS: Record<string, string> = {
  '1': 'User Commands',
  '5': 'File Formats',
  '7': 'Miscellaneous Information Manual',
  '8': 'System Administration',
};

/** An option (or any tagged item) and what it does. */
export const option = (tag: ManText, text: ManText): ManBlock => ({ tag, text });

/** Lines shown as typed, indented under the text. */
export const example = (...lines: string[]): ManBlock => ({ example: lines });
