// Pages for the file utilities (GNU coreutils 9.4 on Ubuntu 24.04), in kubeplay's own words.
import { example, option, type ManPage } from '../page';
import { coreutils, seeAlso } from './helpers';

export const FILE_PAGES: ManPage[] = [
  coreutils(
    'ls',
    'list directory contents',
    ['**ls** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Show the names of the files in each directory given, or the directory itself when **-d** is used. With no __FILE__, the current directory is listed. Names are sorted alphabetically unless a sort option says otherwise, and names that start with a dot are left out.',
          'On a terminal the names are laid out in columns; into a pipe, one name is written per line.',
          option('**-a**, **--all**', 'include the names that start with a dot, . and .. among them'),
          option('**-A**, **--almost-all**', 'like **-a**, but without . and ..'),
          option('**-d**, **--directory**', 'list the directories themselves rather than what they hold'),
          option('**-h**, **--human-readable**', 'with **-l**, show sizes in K, M and G units that are easier to read'),
          option(
            '**-l**',
            'use the long format: the type and permission bits, the number of links, the owner and group, the size, the time of the last change and the name',
          ),
          option('**-r**, **--reverse**', 'reverse the order of the sort'),
          option('**-R**, **--recursive**', 'list the directories found inside, and theirs, all the way down'),
          option('**-S**', 'sort by size, largest first'),
          option('**-t**', 'sort by the time of the last change, newest first'),
          option('**-1**', 'write one name per line'),
        ],
      },
      {
        title: 'EXIT STATUS',
        blocks: [
          '0 when all went well, 1 for minor problems (a directory that could not be read), 2 for serious trouble (a file named on the command line that does not exist).',
        ],
      },
      {
        title: 'EXAMPLES',
        blocks: ['List everything in the home directory, hidden files too, in the long format:', example('ls -la ~')],
      },
      seeAlso('stat(1)', 'find(1)', 'du(1)'),
    ],
  ),
  coreutils(
    'cat',
    'concatenate files and print on the standard output',
    ['**cat** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Write each __FILE__ in turn to the standard output. A __FILE__ of - (or no __FILE__ at all) means the standard input.',
          option('**-n**, **--number**', 'number every output line'),
          option('**-b**, **--number-nonblank**', 'number the lines that are not empty'),
          option('**-s**, **--squeeze-blank**', 'show a run of empty lines as one'),
          option('**-A**, **--show-all**', 'make tabs (^I), line ends ($) and other invisible characters visible'),
        ],
      },
      { title: 'EXAMPLES', blocks: ['Join two files into a third:', example('cat part1.yaml part2.yaml > all.yaml')] },
      seeAlso('less(1)', 'more(1)', 'head(1)', 'tail(1)'),
    ],
  ),
  coreutils(
    'cp',
    'copy files and directories',
    ['**cp** [__OPTION__]... __SOURCE__ __DEST__', '**cp** [__OPTION__]... __SOURCE__... __DIRECTORY__'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Copy __SOURCE__ to __DEST__, or each __SOURCE__ into __DIRECTORY__. Directories are copied only with **-r**.',
          option('**-r**, **-R**, **--recursive**', 'copy directories and everything in them'),
          option('**-a**, **--archive**', 'copy recursively, keeping modes, times and links as they are'),
          option('**-i**, **--interactive**', 'ask before overwriting a file'),
          option('**-n**, **--no-clobber**', 'never overwrite a file that exists'),
          option('**-v**, **--verbose**', 'say what is being copied'),
        ],
      },
      seeAlso('mv(1)', 'rm(1)', 'ln(1)'),
    ],
  ),
  coreutils(
    'mv',
    'move (rename) files',
    ['**mv** [__OPTION__]... __SOURCE__ __DEST__', '**mv** [__OPTION__]... __SOURCE__... __DIRECTORY__'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Rename __SOURCE__ to __DEST__, or move each __SOURCE__ into __DIRECTORY__.',
          option('**-f**, **--force**', 'overwrite without asking'),
          option('**-i**, **--interactive**', 'ask before overwriting'),
          option('**-n**, **--no-clobber**', 'never overwrite a file that exists'),
          option('**-v**, **--verbose**', 'say what is being moved'),
        ],
      },
      seeAlso('cp(1)', 'rename(2)'),
    ],
  ),
  coreutils(
    'rm',
    'remove files or directories',
    ['**rm** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Remove each __FILE__. Directories are removed only with **-r** (or, when empty, **-d**). A removed file cannot be brought back.',
          option('**-f**, **--force**', 'ignore files that do not exist, and never ask'),
          option('**-i**', 'ask before each removal'),
          option('**-r**, **-R**, **--recursive**', 'remove directories and everything in them'),
          option('**-d**, **--dir**', 'remove empty directories'),
          option('**-v**, **--verbose**', 'say what is being removed'),
        ],
      },
      seeAlso('rmdir(1)', 'unlink(2)'),
    ],
  ),
  coreutils(
    'mkdir',
    'make directories',
    ['**mkdir** [__OPTION__]... __DIRECTORY__...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Create each __DIRECTORY__, which must not exist yet.',
          option(
            '**-p**, **--parents**',
            'create missing parent directories too, and do not complain when the directory exists',
          ),
          option('**-m**, **--mode**=__MODE__', 'give the new directories these permission bits, as chmod takes them'),
          option('**-v**, **--verbose**', 'say which directories are created'),
        ],
      },
      seeAlso('rmdir(1)', 'chmod(1)'),
    ],
  ),
  coreutils(
    'rmdir',
    'remove empty directories',
    ['**rmdir** [__OPTION__]... __DIRECTORY__...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Remove each __DIRECTORY__ if it is empty.',
          option('**-p**, **--parents**', 'then remove its parents that become empty as well'),
          option('**--ignore-fail-on-non-empty**', 'say nothing about directories that are not empty'),
        ],
      },
      seeAlso('rm(1)', 'mkdir(1)'),
    ],
  ),
  coreutils(
    'touch',
    'change file timestamps',
    ['**touch** [__OPTION__]... __FILE__...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Set the modification time of each __FILE__ to now. A __FILE__ that does not exist is created empty, which is what **touch** is mostly used for.',
          option('**-c**, **--no-create**', 'do not create files'),
          option('**-d**, **--date**=__STRING__', 'use this time instead of now'),
        ],
      },
      seeAlso('stat(1)', 'date(1)'),
    ],
  ),
  coreutils(
    'ln',
    'make links between files',
    ['**ln** [__OPTION__]... __TARGET__ __LINK_NAME__'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Make __LINK_NAME__ a link to __TARGET__. Without **-s** the link is a hard link: a second name for the same file.',
          option('**-s**, **--symbolic**', 'make a symbolic link, which holds the path of __TARGET__'),
          option('**-f**, **--force**', 'replace __LINK_NAME__ if it exists'),
        ],
      },
      seeAlso('readlink(1)', 'realpath(1)'),
    ],
  ),
  coreutils(
    'chmod',
    'change file mode bits',
    ['**chmod** [__OPTION__]... __MODE__ __FILE__...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Change the permission bits of each __FILE__. __MODE__ is octal (such as 755) or symbolic: who (**u**, **g**, **o** or **a**), an operator (**+**, **-** or **=**) and the permissions (**r**, **w**, **x**), as in u+x or go-w.',
          option('**-R**, **--recursive**', 'change the files in directories too'),
          option('**-v**, **--verbose**', 'say what was changed'),
        ],
      },
      { title: 'EXAMPLES', blocks: ['Make a script executable by its owner:', example('chmod u+x deploy.sh')] },
      seeAlso('ls(1)', 'stat(1)'),
    ],
  ),
];
