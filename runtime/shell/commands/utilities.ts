// The basic utilities of the learner's host, one chunk loaded right after the first prompt
// (index.ts makes each a lazy command; their summaries are there, so `help` loads nothing).
import type { ShellCommand } from '../command';
import { base64 } from './base64';
import { basename } from './basename';
import { cat } from './cat';
import { chmod } from './chmod';
import { cp } from './cp';
import { cut } from './cut';
import { date } from './date';
import { df } from './df';
import { diff } from './diff';
import { dirname } from './dirname';
import { du } from './du';
import { env } from './env';
import { file } from './file';
import { find } from './find';
import { free } from './free';
import { grep } from './grep';
import { head } from './head';
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
import { stat } from './stat';
import { tail } from './tail';
import { tee } from './tee';
import { touch } from './touch';
import { tr } from './tr';
import { uniq } from './uniq';
import { wc } from './wc';
import { whoami } from './whoami';
import { xargs } from './xargs';
import { yes } from './yes';

/** The utilities by name. */
export const UTILITIES: Readonly<Record<string, ShellCommand>> = {
  base64,
  basename,
  cat,
  chmod,
  cp,
  cut,
  date,
  df,
  diff,
  dirname,
  du,
  env,
  file,
  find,
  free,
  grep,
  head,
  hostname,
  id,
  ln,
  ls,
  mkdir,
  mv,
  realpath,
  rm,
  rmdir,
  seq,
  sleep,
  sort,
  stat,
  tail,
  tee,
  touch,
  tr,
  uniq,
  wc,
  whoami,
  xargs,
  yes,
};
