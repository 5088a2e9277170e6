// Pages for coreutils' smaller filters and generators, and diffutils' diff.
import { example, option, type ManPage } from '../page';
import { coreutils, page, seeAlso } from './helpers';

export const FILTER_PAGES: ManPage[] = [
  coreutils(
    'head',
    'output the first part of files',
    ['**head** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the first 10 lines of each __FILE__, or of the standard input.',
          option(
            '**-n**, **--lines**=[-]__NUM__',
            'print the first __NUM__ lines; with a leading -, all but the last __NUM__',
          ),
          option('**-c**, **--bytes**=[-]__NUM__', 'print the first __NUM__ bytes'),
        ],
      },
      seeAlso('tail(1)'),
    ],
  ),
  coreutils(
    'tail',
    'output the last part of files',
    ['**tail** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the last 10 lines of each __FILE__, or of the standard input.',
          option(
            '**-n**, **--lines**=[+]__NUM__',
            'print the last __NUM__ lines; with a leading +, from line __NUM__ on',
          ),
          option('**-c**, **--bytes**=[+]__NUM__', 'print the last __NUM__ bytes'),
          option('**-f**, **--follow**', 'keep printing what is added to the file as it grows, until interrupted'),
        ],
      },
      seeAlso('head(1)', 'less(1)'),
    ],
  ),
  coreutils(
    'wc',
    'print newline, word, and byte counts for each file',
    ['**wc** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Count the lines, words and bytes of each __FILE__ (and their total when there are several).',
          option('**-l**, **--lines**', 'only the lines'),
          option('**-w**, **--words**', 'only the words'),
          option('**-c**, **--bytes**', 'only the bytes'),
          option('**-m**, **--chars**', 'only the characters'),
        ],
      },
      { title: 'EXAMPLES', blocks: ['How many pods there are:', example('kubectl get pods --no-headers | wc -l')] },
      seeAlso('cat(1)'),
    ],
  ),
  coreutils(
    'tee',
    'read from standard input and write to standard output and files',
    ['**tee** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Copy the standard input to the standard output and to each __FILE__.',
          option('**-a**, **--append**', 'add to the files instead of replacing them'),
        ],
      },
      seeAlso('cat(1)'),
    ],
  ),
  page('diffutils 3.10', 'February 2023')(
    'diff',
    'compare files line by line',
    ['**diff** [__OPTION__]... __FILES__'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Show how two files differ: which lines to change, add or delete to turn the first into the second.',
          option(
            '**-u**, **-U** __NUM__, **--unified**[=__NUM__]',
            'the unified format, with __NUM__ (3) lines of context, as patches use',
          ),
          option('**-q**, **--brief**', 'say only whether the files differ'),
          option('**-r**, **--recursive**', 'compare the files in directories'),
        ],
      },
      { title: 'EXIT STATUS', blocks: ['0 when the files are the same, 1 when they differ, 2 after trouble.'] },
      seeAlso('cmp(1)', 'patch(1)'),
    ],
  ),
  coreutils(
    'base64',
    'base64 encode/decode data and print to standard output',
    ['**base64** [__OPTION__]... [__FILE__]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Encode __FILE__ (or the standard input) in base64, or decode it. Kubernetes keeps the values of a Secret in base64.',
          option('**-d**, **--decode**', 'decode'),
          option(
            '**-w**, **--wrap**=__COLS__',
            'wrap the encoded lines after __COLS__ characters (76); 0 for no wrapping',
          ),
        ],
      },
      { title: 'EXAMPLES', blocks: [example("kubectl get secret db -o jsonpath='{.data.password}' | base64 -d")] },
    ],
  ),
  coreutils(
    'echo',
    'display a line of text',
    ['**echo** [__SHORT-OPTION__]... [__STRING__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the __STRING__s, separated by spaces, and a newline. The shell has its own **echo**, which is what runs when you type it; see **bash**(1).',
          option('**-n**', 'do not print the newline'),
          option('**-e**', 'read backslash escapes such as \\n and \\t'),
        ],
      },
      seeAlso('printf(1)'),
    ],
  ),
  coreutils(
    'seq',
    'print a sequence of numbers',
    [
      '**seq** [__OPTION__]... __LAST__',
      '**seq** [__OPTION__]... __FIRST__ __LAST__',
      '**seq** [__OPTION__]... __FIRST__ __INCREMENT__ __LAST__',
    ],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the numbers from __FIRST__ (1) to __LAST__, by __INCREMENT__ (1), one per line.',
          option('**-s**, **--separator**=__STRING__', 'separate the numbers with __STRING__'),
          option('**-w**, **--equal-width**', 'pad with leading zeros to the same width'),
        ],
      },
    ],
  ),
];
