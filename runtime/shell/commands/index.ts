import type { ShellCommand } from '../command';
import { less } from '../editors/less-command';
import { more } from '../editors/more-command';
import { nano } from '../editors/nano-command';
import { vi, vim } from '../editors/vi-command';
import { bash, sh } from '../interpreter/shell-program';
import { awk, mawk } from './awk';
import { base64 } from './base64';
import { basename } from './basename';
import { clear, exit, falseCommand, trueCommand } from './basics';
import { cat } from './cat';
import { chmod } from './chmod';
import { cp } from './cp';
import { curl } from './curl';
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
import { jq } from './jq/jq';
import { ln } from './ln';
import { ls } from './ls';
import { aproposCommand, man, whatis } from './man/man-command';
import { mkdir } from './mkdir';
import { mv } from './mv';
import { ps } from './ps/ps-command';
import { realpath } from './realpath';
import { rm } from './rm';
import { rmdir } from './rmdir';
import { sed } from './sed';
import { seq } from './seq';
import { sleep } from './sleep';
import { sort } from './sort';
import { tail } from './tail';
import { tee } from './tee';
import { top } from './top/top-command';
import { touch } from './touch';
import { tr } from './tr';
import { uname } from './uname';
import { uniq } from './uniq';
import { watch } from './watch/watch-command';
import { wget } from './wget';
import { wc } from './wc';
import { whoami } from './whoami';
import { yes } from './yes';

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
