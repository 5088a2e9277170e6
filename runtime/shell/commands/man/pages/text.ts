// Pages for the utilities that read and reshape text: grep, sed, awk, jq and coreutils' filters.
import { example, option, type ManPage } from '../page';
import { coreutils, page, seeAlso } from './helpers';

export const TEXT_PAGES: ManPage[] = [
  page('GNU grep 3.11', '2023-05-13')(
    'grep',
    'print lines that match patterns',
    ['**grep** [__OPTION__...] __PATTERNS__ [__FILE__...]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Read each __FILE__ (the standard input when there is none) and print the lines that match __PATTERNS__, a basic regular expression unless an option says otherwise. With several files, each line is shown after its file name.',
          option(
            '**-E**, **--extended-regexp**',
            'the patterns are extended regular expressions: +, ?, | and () work without backslashes',
          ),
          option('**-F**, **--fixed-strings**', 'the patterns are plain strings'),
          option('**-i**, **--ignore-case**', 'ignore the difference between upper and lower case'),
          option('**-v**, **--invert-match**', 'print the lines that do not match'),
          option('**-c**, **--count**', 'print how many lines match, not the lines'),
          option('**-n**, **--line-number**', 'put the line number before each line'),
          option('**-l**, **--files-with-matches**', 'print only the names of the files that match'),
          option('**-r**, **--recursive**', 'search the files under directories'),
          option('**-w**, **--word-regexp**', 'match whole words only'),
          option('**-o**, **--only-matching**', 'print only the matching part of each line'),
        ],
      },
      { title: 'EXIT STATUS', blocks: ['0 when a line matched, 1 when none did, 2 after an error.'] },
      { title: 'EXAMPLES', blocks: ['The pods that are not running:', example('kubectl get pods | grep -v Running')] },
      seeAlso('sed(1)', 'awk(1)', 'find(1)'),
    ],
  ),
  page('GNU sed 4.9', 'November 2022')(
    'sed',
    'stream editor for filtering and transforming text',
    ['**sed** [__OPTION__]... __SCRIPT__ [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Read the input line by line, run __SCRIPT__ on each line and print the result. The most used command is **s/**__REGEXP__**/**__REPLACEMENT__**/**, which replaces the first match on the line, or every match with the **g** flag. Other commands: **p** prints, **d** deletes, and an address such as 3 or /__REGEXP__/ before a command picks the lines it applies to.',
          option('**-n**, **--quiet**', 'print only what the script prints with **p**'),
          option('**-e** __SCRIPT__', 'add __SCRIPT__ to the commands to run'),
          option('**-E**, **-r**', 'use extended regular expressions'),
          option(
            '**-i**[__SUFFIX__], **--in-place**',
            'change the files themselves instead of printing (keeping a copy with __SUFFIX__ if given)',
          ),
        ],
      },
      {
        title: 'EXAMPLES',
        blocks: ['Change an image tag in a manifest:', example("sed -i 's/nginx:1.25/nginx:1.27/' deploy.yaml")],
      },
      seeAlso('grep(1)', 'awk(1)', 'tr(1)'),
    ],
  ),
  {
    ...page('Version 1.3.4', '2024-01-23')(
      'mawk',
      'pattern scanning and text processing language',
      [
        "**mawk** [**-F** __value__] [**-v** __var=value__] [**--**] 'program text' [file ...]",
        '**mawk** [**-F** __value__] [**-v** __var=value__] [**-f** __program-file__] [**--**] [file ...]',
      ],
      [
        {
          title: 'DESCRIPTION',
          blocks: [
            '**mawk** is the **awk** of Ubuntu: it reads records (lines), splits each into fields $1, $2, ... (on blanks, or on the **-F** separator), and runs the program, a list of __pattern__ { __action__ } pairs, on every record that matches. $0 is the whole record, NR its number and NF the number of its fields. BEGIN and END actions run before the first record and after the last.',
            option('**-F** __value__', 'split fields on __value__'),
            option('**-v** __var=value__', 'set a variable before the program starts'),
            option('**-f** __file__', 'read the program from __file__'),
          ],
        },
        {
          title: 'EXAMPLES',
          blocks: [
            'The names of the pods, and the total of a column:',
            example("kubectl get pods | awk 'NR > 1 { print $1 }'", "awk '{ sum += $2 } END { print sum }' sizes.txt"),
          ],
        },
        seeAlso('grep(1)', 'sed(1)', 'cut(1)'),
      ],
    ),
    aliases: ['awk'],
  },
  page('jq 1.7.1', 'December 2023')(
    'jq',
    'Command-line JSON processor',
    ['**jq** [__options__...] __filter__ [__files__...]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          '**jq** reads JSON values and runs __filter__ on each, printing what comes out. The filter . is the value itself; .name picks a field, .[] every element of an array, and | feeds one filter into the next. select(__condition__) keeps the values for which the condition holds.',
          option('**-r**, **--raw-output**', 'print strings without their quotes'),
          option('**-c**, **--compact-output**', 'print each value on one line'),
          option('**-e**, **--exit-status**', 'fail when the last output is false or null'),
          option('**--arg** __name__ __value__', 'make $__name__ the string __value__ in the filter'),
        ],
      },
      {
        title: 'EXAMPLES',
        blocks: [
          'The names of the pods, one per line:',
          example("kubectl get pods -o json | jq -r '.items[].metadata.name'"),
        ],
      },
      seeAlso('kubectl(1)'),
    ],
  ),
  coreutils(
    'cut',
    'remove sections from each line of files',
    ['**cut** __OPTION__... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the chosen parts of each line. __LIST__ is made of numbers and ranges such as 1,3 or 2-4.',
          option('**-d**, **--delimiter**=__DELIM__', 'fields are separated by __DELIM__ instead of a tab'),
          option('**-f**, **--fields**=__LIST__', 'print these fields'),
          option('**-c**, **--characters**=__LIST__', 'print these characters'),
        ],
      },
      { title: 'EXAMPLES', blocks: [example('cut -d: -f1 /etc/passwd')] },
      seeAlso('awk(1)', 'tr(1)'),
    ],
  ),
  coreutils(
    'sort',
    'sort lines of text files',
    ['**sort** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Write the lines of all the files, sorted.',
          option('**-n**, **--numeric-sort**', 'compare numbers by their value'),
          option('**-h**, **--human-numeric-sort**', 'compare sizes such as 2K and 1G'),
          option('**-r**, **--reverse**', 'reverse the order'),
          option('**-k**, **--key**=__KEYDEF__', 'sort on a field (such as -k2 or -k3,3) rather than the whole line'),
          option('**-t**, **--field-separator**=__SEP__', 'fields are separated by __SEP__'),
          option('**-u**, **--unique**', 'print only the first of equal lines'),
        ],
      },
      seeAlso('uniq(1)'),
    ],
  ),
  coreutils(
    'uniq',
    'report or omit repeated lines',
    ['**uniq** [__OPTION__]... [__INPUT__ [__OUTPUT__]]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the input with runs of equal adjacent lines shown once. Lines must be next to each other to count as repeats, so the input is usually sorted first.',
          option('**-c**, **--count**', 'put the number of times before each line'),
          option('**-d**, **--repeated**', 'print only the lines that repeat'),
          option('**-u**, **--unique**', 'print only the lines that do not repeat'),
        ],
      },
      {
        title: 'EXAMPLES',
        blocks: [example("kubectl get pods -A --no-headers | awk '{ print $1 }' | sort | uniq -c")],
      },
      seeAlso('sort(1)'),
    ],
  ),
  coreutils(
    'tr',
    'translate or delete characters',
    ['**tr** [__OPTION__]... __STRING1__ [__STRING2__]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Copy the standard input to the standard output, replacing the characters of __STRING1__ by those of __STRING2__. Ranges such as a-z and classes such as [:upper:] may be used.',
          option('**-d**, **--delete**', 'delete the characters of __STRING1__'),
          option('**-s**, **--squeeze-repeats**', 'replace a run of a repeated character by one'),
        ],
      },
      { title: 'EXAMPLES', blocks: [example('echo hello | tr a-z A-Z')] },
      seeAlso('sed(1)'),
    ],
  ),
];
