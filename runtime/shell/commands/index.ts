import type { ShellCommand } from '../command';
import { lazyCommand } from './lazy';
import { bash, sh } from '../interpreter/shell-program';
import { base64 } from './base64';
import { basename } from './basename';
import { clear, exit, falseCommand, trueCommand } from './basics';
import { cat } from './cat';
import { chmod } from './chmod';
import { cp } from './cp';
import { cut } from './cut';
import { date } from './date';
import { dirname } from './dirname';
import { echo } from './echo';
import { diff } from './diff';
import { df } from './df';
import { du } from './du';
import { file } from './file';
import { find } from './find';
import { free } from './free';
import { stat } from './stat';
import { which } from './which';
import { xargs } from './xargs';
import { env } from './env';
import { grep } from './grep';
import { head } from './head';
import { help } from './help';
import { history } from './history';
import { hostname } from './hostname';
import { id } from './id';
import { ln } from './ln';
import { ls } from './ls';
import { mkdir } from './mkdir';
import { mv } from './mv';
import { realpath } from './realpath';
import { rm } from './rm';
import { rmdir } from './rmdir';
import { seq } from './seq';
import { sleep } from './sleep';
import { sort } from './sort';
import { tail } from './tail';
import { tee } from './tee';
import { touch } from './touch';
import { tr } from './tr';
import { uname } from './uname';
import { uniq } from './uniq';
import { wc } from './wc';
import { whoami } from './whoami';
import { yes } from './yes';

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

/** The shell's own commands: builtins and the basic utilities of the learner's host. */
export const SHELL_COMMANDS: readonly ShellCommand[] = [
  aproposCommand,
  awk,
  base64,
  basename,
  bash,
  cat,
  chmod,
  clear,
  cp,
  curl,
  cut,
  date,
  df,
  diff,
  dirname,
  du,
  echo,
  env,
  exit,
  falseCommand,
  file,
  find,
  free,
  grep,
  head,
  help,
  history,
  hostname,
  id,
  less,
  jq,
  ln,
  ls,
  man,
  mawk,
  mkdir,
  more,
  mv,
  nano,
  ps,
  realpath,
  rm,
  rmdir,
  sed,
  seq,
  sh,
  sleep,
  sort,
  stat,
  tail,
  tee,
  top,
  touch,
  tr,
  trueCommand,
  uname,
  uniq,
  vi,
  vim,
  watch,
  wc,
  wget,
  whatis,
  which,
  whoami,
  xargs,
  yes,
];
