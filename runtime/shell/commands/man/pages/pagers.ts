// Pages for the pagers, the editors and man itself.
import { example, option, type ManPage } from '../page';
import { page, seeAlso } from './helpers';

export const PAGER_PAGES: ManPage[] = [
  page('Version 590', '2021-06-03')(
    'less',
    'opposite of more',
    ['**less** [__options__] [__file__...]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          '**less** shows a file a screenful at a time and lets you move backwards as well as forwards. It is the pager man uses. Keys:',
          option('**SPACE**, **f**', 'forward a screenful'),
          option('**b**', 'back a screenful'),
          option('**ENTER**, **j**', 'forward a line; **k** goes back one'),
          option('**g**, **G**', 'to the first line, to the last'),
          option('**/**__pattern__', 'search forward; **n** finds the next match'),
          option('**q**', 'quit'),
        ],
      },
      seeAlso('more(1)', 'man(1)'),
    ],
  ),
  page('util-linux 2.39.3', '2023-12-01')(
    'more',
    'display the contents of a file in a terminal',
    ['**more** [options] __file__ ...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          '**more** shows files a screenful at a time and ends after the last one. Between screenfuls it waits at a --More-- prompt, which says how far into the file you are. Not on a terminal, it copies the files out, each after a banner with its name when there are several.',
          option('**-n**, **--lines** __number__', 'screenfuls of __number__ lines'),
          option('**-s**, **--squeeze**', 'show a run of blank lines as one'),
          option('**+**__number__', 'start at line __number__'),
          option('**+/**__string__', 'start two lines above the first line matching __string__'),
        ],
      },
      {
        title: 'COMMANDS',
        blocks: [
          'A number typed before a command is its count __k__.',
          option('**SPACE**', 'the next screenful (or __k__ lines)'),
          option('**ENTER**', 'the next line (or __k__ lines, which become the default)'),
          option('**d**', 'half a screenful'),
          option('**b**', 'back a screenful'),
          option('**f**, **s**', 'skip a screenful, a line'),
          option('**/**__pattern__', 'search for a regular expression; **n** finds the next match'),
          option('**=**', 'show the current line number'),
          option('**:n**, **:p**', 'the next file, the previous one'),
          option('**h**', 'a summary of the commands'),
          option('**q**', 'quit'),
        ],
      },
      seeAlso('less(1)'),
    ],
  ),
  {
    ...page('', '2024 Jan 01')(
      'vim',
      "Vi IMproved, a programmer's text editor",
      ['**vim** [options] [file ..]'],
      [
        {
          title: 'DESCRIPTION',
          blocks: [
            '**Vim** is a text editor that works in modes. It starts in Normal mode, where keys are commands: **h**, **j**, **k** and **l** move, **x** deletes a character, **dd** a line, **u** undoes. **i** enters Insert mode, where what you type goes into the text, until ESC brings you back. : starts a command line.',
            option(':w', 'write the file'),
            option(':q', 'quit; :q! quits without saving, :wq writes and quits'),
            option('/__pattern__', 'search forward; **n** finds the next match'),
          ],
        },
        {
          title: 'EXAMPLES',
          blocks: ['Edit a manifest, then apply it:', example('vi deploy.yaml', 'kubectl apply -f deploy.yaml')],
        },
        seeAlso('nano(1)'),
      ],
    ),
    aliases: ['vi'],
  },
  page('version 7.2', 'February 2023')(
    'nano',
    "Nano's ANOther text editor, inspired by Pico",
    ['**nano** [__options__] [[**+**__line__[**,**__column__]] __file__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          '**nano** is a small editor that is easy to start with: you type, and the two bottom lines list the commands, where ^ means Ctrl.',
          option('**^O**', 'write the file'),
          option('**^X**', 'exit (it asks whether to save changes)'),
          option('**^W**', 'search'),
          option('**^K**, **^U**', 'cut the line, paste it'),
          option('**^G**', 'help'),
        ],
      },
      seeAlso('vim(1)'),
    ],
  ),
  page('2.12.0', '2024-02-04')(
    'man',
    'an interface to the system reference manuals',
    ['**man** [__section__] __page__ ...', '**man** **-k** __regexp__ ...', '**man** **-f** __page__ ...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          '**man** shows the manual page of a command, through **less**: **q** leaves it. Section 1 holds the commands, 5 the file formats, 8 the administration commands.',
          'The page has a NAME, a SYNOPSIS (in which **bold** text is typed as shown and __underlined__ text is replaced by what you choose; brackets mark what is optional), a DESCRIPTION, and often EXAMPLES and SEE ALSO.',
          option('**-k**', 'search the short descriptions for __regexp__, as **apropos** does'),
          option('**-f**', 'show the short description of __page__, as **whatis** does'),
          option('**-w**', 'print where the page is instead of showing it'),
        ],
      },
      {
        title: 'ENVIRONMENT',
        blocks: [option('MANWIDTH', 'format pages this wide instead of the width of the terminal')],
      },
      { title: 'EXIT STATUS', blocks: ['0 when all went well, 16 when a page was not found.'] },
      { title: 'EXAMPLES', blocks: [example('man ls', 'man -k directory', 'man 5 proc')] },
      seeAlso('less(1)', 'apropos(1)'),
    ],
  ),
];
