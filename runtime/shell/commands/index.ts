import type { ShellCommand } from '../command';
import { lazyCommand } from './lazy';
import { bash, sh } from '../interpreter/shell-program';
import { clear, exit, falseCommand, trueCommand } from './basics';
import { echo } from './echo';
import { which } from './which';
import { help } from './help';
import { history } from './history';
import { uname } from './uname';

/** The big commands, loaded on first use (see lazy.ts). */
const aproposCommand = lazyCommand('apropos', 'search the manual page names and descriptions', () =>
  import('./man/man-command').then((m) => m.aproposCommand),
);
const awk = lazyCommand('awk', 'pattern scanning and text processing language', () =>
  import('./awk').then((m) => m.awk),
);
const mawk = lazyCommand('mawk', 'pattern scanning and text processing language', () =>
  import('./awk').then((m) => m.mawk),
);
const curl = lazyCommand('curl', 'transfer a URL', () => import('./curl').then((m) => m.curl));
const less = lazyCommand('less', 'page through a file (space/b to page, /pattern to search, q to quit)', () =>
  import('../editors/less-command').then((m) => m.less),
);
const jq = lazyCommand('jq', 'Command-line JSON processor', () => import('./jq/jq').then((m) => m.jq));
const man = lazyCommand('man', 'show the manual page of a command (q to quit)', () =>
  import('./man/man-command').then((m) => m.man),
);
const more = lazyCommand('more', 'page through text one screenful at a time (space for more, q to quit)', () =>
  import('../editors/more-command').then((m) => m.more),
);
const nano = lazyCommand('nano', 'edit a file (GNU nano: ^O to save, ^X to exit)', () =>
  import('../editors/nano-command').then((m) => m.nano),
);
const ps = lazyCommand('ps', 'report a snapshot of the current processes', () =>
  import('./ps/ps-command').then((m) => m.ps),
);
const sed = lazyCommand('sed', 'stream editor for filtering and transforming text', () =>
  import('./sed').then((m) => m.sed),
);
const top = lazyCommand('top', 'display Linux processes', () => import('./top/top-command').then((m) => m.top));
const vi = lazyCommand(
  'vi',
  'edit a file (vim: i to insert, Esc, :wq to save and quit, :q! to quit without saving)',
  () => import('../editors/vi-command').then((m) => m.vi),
);
const vim = lazyCommand(
  'vim',
  'edit a file (vim: i to insert, Esc, :wq to save and quit, :q! to quit without saving)',
  () => import('../editors/vi-command').then((m) => m.vim),
);
const watch = lazyCommand('watch', 'execute a program periodically, showing output fullscreen', () =>
  import('./watch/watch-command').then((m) => m.watch),
);
const wget = lazyCommand('wget', 'The non-interactive network downloader', () => import('./wget').then((m) => m.wget));
const whatis = lazyCommand('whatis', 'display one-line manual page descriptions', () =>
  import('./man/man-command').then((m) => m.whatis),
);

/** The basic utilities, all in one chunk loaded on first use: name and summary (`help`). */
const UTILITY_SUMMARIES: ReadonlyArray<[name: string, summary: string]> = [
  ['base64', 'base64 encode/decode data and print to standard output'],
  ['basename', 'strip directory and suffix from filenames'],
  ['cat', 'concatenate files and print on the standard output'],
  ['chmod', 'change file mode bits'],
  ['cp', 'copy files and directories'],
  ['cut', 'remove sections from each line of files'],
  ['date', 'print or set the system date and time'],
  ['df', 'report file system space usage'],
  ['diff', 'compare files line by line'],
  ['dirname', 'strip last component from file name'],
  ['du', 'estimate file space usage'],
  ['env', 'run a program in a modified environment'],
  ['file', 'determine file type'],
  ['find', 'search for files in a directory hierarchy'],
  ['free', 'display amount of free and used memory in the system'],
  ['grep', 'print lines that match patterns'],
  ['head', 'output the first part of files'],
  ['hostname', 'show the system’s host name'],
  ['id', 'print real and effective user and group IDs'],
  ['ln', 'make links between files'],
  ['ls', 'list directory contents'],
  ['mkdir', 'make directories'],
  ['mv', 'move (rename) files'],
  ['realpath', 'print the resolved path'],
  ['rm', 'remove files or directories'],
  ['rmdir', 'remove empty directories'],
  ['seq', 'print a sequence of numbers'],
  ['sleep', 'delay for a specified amount of time'],
  ['sort', 'sort lines of text files'],
  ['stat', 'display file or file system status'],
  ['tail', 'output the last part of files'],
  ['tee', 'read from standard input and write to standard output and files'],
  ['touch', 'change file timestamps'],
  ['tr', 'translate or delete characters'],
  ['uniq', 'report or omit repeated lines'],
  ['wc', 'print newline, word, and byte counts for each file'],
  ['whoami', 'print effective user name'],
  ['xargs', 'build and execute command lines from standard input'],
  ['yes', 'output a string repeatedly until killed'],
];

const utilities = UTILITY_SUMMARIES.map(([name, summary]) =>
  lazyCommand(name, summary, () => import('./utilities').then((m) => m.UTILITIES[name])),
);

/** The shell's own commands, by name: builtins and the basic utilities of the learner's host. */
export const SHELL_COMMANDS: readonly ShellCommand[] = [
  ...utilities,
  aproposCommand,
  awk,
  bash,
  clear,
  curl,
  echo,
  exit,
  falseCommand,
  help,
  history,
  less,
  jq,
  man,
  mawk,
  more,
  nano,
  ps,
  sed,
  sh,
  top,
  trueCommand,
  uname,
  vi,
  vim,
  watch,
  wget,
  whatis,
  which,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
