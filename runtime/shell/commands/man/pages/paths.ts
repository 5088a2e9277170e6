// Pages for the utilities that find files, measure them and take paths apart (coreutils 9.4,
// findutils 4.9, file 5.45).
import { example, option, type ManPage } from '../page';
import { coreutils, page, seeAlso } from './helpers';

export const PATH_PAGES: ManPage[] = [
  coreutils(
    'stat',
    'display file or file system status',
    ['**stat** [__OPTION__]... __FILE__...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Show what the system knows about each __FILE__: its size, blocks, type, permission bits, owner and group, and its access, modification and change times.',
          option('**-L**, **--dereference**', 'describe the file a symbolic link points to, not the link'),
          option(
            '**-c**, **--format**=__FORMAT__',
            'print only what __FORMAT__ asks for: %n the name, %s the size, %a the octal mode, %A the mode as ls shows it, %U the owner, %y the modification time',
          ),
        ],
      },
      seeAlso('ls(1)', 'file(1)'),
    ],
  ),
  page('file-5.45', 'February 2024')(
    'file',
    'determine file type',
    ['**file** [__OPTION__]... __FILE__...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Look inside each __FILE__ and say what kind of data it holds: a directory, an empty file, ASCII text, a shell script, JSON data, and so on.',
          option('**-b**, **--brief**', 'do not print the file name first'),
        ],
      },
      seeAlso('stat(1)'),
    ],
  ),
  page('GNU findutils 4.9.0', 'January 2024')(
    'find',
    'search for files in a directory hierarchy',
    ['**find** [__STARTING-POINT__...] [__EXPRESSION__]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Walk the tree below each __STARTING-POINT__ (the current directory by default) and print the path of every file for which the __EXPRESSION__ is true. Tests are joined by an implied AND; **-o** joins them with OR and **!** negates the next one.',
          option(
            '**-name** __PATTERN__',
            'the last part of the path matches the shell pattern, such as *.yaml (quote it so that the shell does not expand it)',
          ),
          option(
            '**-type** __C__',
            'the file is of type __C__: **f** a regular file, **d** a directory, **l** a symbolic link',
          ),
          option('**-maxdepth** __N__', 'go at most __N__ levels below the starting points'),
          option('**-newer** __FILE__', 'the file was modified more recently than __FILE__'),
          option('**-print**', 'print the path (what happens when no other action is given)'),
          option('**-exec** __COMMAND__ ;', 'run __COMMAND__, with {} replaced by the path'),
        ],
      },
      {
        title: 'EXAMPLES',
        blocks: ['Every manifest under the current directory:', example("find . -name '*.yaml' -type f")],
      },
      seeAlso('xargs(1)', 'ls(1)'),
    ],
  ),
  coreutils(
    'du',
    'estimate file space usage',
    ['**du** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Show how much disk space each __FILE__ takes, counting everything under directories.',
          option('**-s**, **--summarize**', 'one total for each argument'),
          option('**-h**, **--human-readable**', 'sizes in K, M and G'),
          option('**-a**, **--all**', 'show files too, not only directories'),
        ],
      },
      seeAlso('df(1)'),
    ],
  ),
  coreutils(
    'df',
    'report file system space usage',
    ['**df** [__OPTION__]... [__FILE__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Show the size, use and free space of each mounted file system, or of the ones holding each __FILE__.',
          option('**-h**, **--human-readable**', 'sizes in K, M and G'),
          option('**-T**, **--print-type**', 'show each file system type'),
        ],
      },
      seeAlso('du(1)', 'free(1)', 'proc(5)'),
    ],
  ),
  coreutils(
    'realpath',
    'print the resolved path',
    ['**realpath** [__OPTION__]... __FILE__...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the absolute path of each __FILE__, with every symbolic link, . and .. resolved.',
          option('**-e**, **--canonicalize-existing**', 'every part of the path must exist'),
        ],
      },
      seeAlso('readlink(1)', 'pwd(1)'),
    ],
  ),
  coreutils(
    'basename',
    'strip directory and suffix from filenames',
    ['**basename** __NAME__ [__SUFFIX__]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: ['Print __NAME__ without its leading directories, and without __SUFFIX__ when it ends with it.'],
      },
      { title: 'EXAMPLES', blocks: [example('basename /etc/os-release', 'basename pod.yaml .yaml')] },
      seeAlso('dirname(1)'),
    ],
  ),
  coreutils(
    'dirname',
    'strip last component from file name',
    ['**dirname** __NAME__...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print each __NAME__ without its last part: the directory it is in. A name without a slash gives . (the current directory).',
        ],
      },
      seeAlso('basename(1)', 'realpath(1)'),
    ],
  ),
  coreutils(
    'pwd',
    'print name of current/working directory',
    ['**pwd** [__OPTION__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the absolute path of the current directory. The shell has its own **pwd**, which is what runs when you type it; see **bash**(1).',
          option('**-P**, **--physical**', 'resolve symbolic links'),
        ],
      },
      seeAlso('realpath(1)'),
    ],
  ),
];
