// The applets that behave as the host's GNU utilities do (host-command.ts runs those) and only
// word their usage and errors as busybox: `can't open 'x'` for GNU's `cannot open 'x' for
// reading`, `rm: 'd' is a directory`, no locale quotes, and the bare usage for missing operands.
import type { ShellCommand } from '../../shell/command';
import { cat as gnuCat } from '../../shell/commands/cat';
import { cp as gnuCp } from '../../shell/commands/cp';
import { cut as gnuCut } from '../../shell/commands/cut';
import { grep as gnuGrep } from '../../shell/commands/grep';
import { head as gnuHead } from '../../shell/commands/head';
import { mkdir as gnuMkdir } from '../../shell/commands/mkdir';
import { mv as gnuMv } from '../../shell/commands/mv';
import { rm as gnuRm } from '../../shell/commands/rm';
import { rmdir as gnuRmdir } from '../../shell/commands/rmdir';
import { sort as gnuSort } from '../../shell/commands/sort';
import { tail as gnuTail } from '../../shell/commands/tail';
import { tee as gnuTee } from '../../shell/commands/tee';
import { touch as gnuTouch } from '../../shell/commands/touch';
import { tr as gnuTr } from '../../shell/commands/tr';
import { uniq as gnuUniq } from '../../shell/commands/uniq';
import type { OptionSpec } from '../../shell/commands/coreutils/options';
import type { Program } from '../types';
import { flags } from './applet';
import { fromHostCommand } from './host-command';

/** GNU's wording → busybox's, line by line. */
function busyboxWording(line: string): string {
  return line
    .replace(/[‘’]/g, "'")
    .replace(/^(\w+): cannot open ('.*') for reading: /, "$1: can't open $2: ")
    .replace(/^(\w+): cannot (stat|remove|create directory|open|access) /, "$1: can't $2 ")
    .replace(/^rm: can't remove ('.*'): Is a directory$/, 'rm: $1 is a directory')
    .replace(/^rmdir: failed to remove ('.*'): /, 'rmdir: $1: ')
    .replace(/^touch: cannot touch '(.*)': /, 'touch: $1: ')
    .replace(/^mv: can't stat ('.*'): /, "mv: can't rename $1: ")
    .replace(/^(head|tail): invalid number of (?:lines|bytes): '(.*)'$/, "$1: invalid number '$2'");
}

/** `cat x` as busybox words a missing file: `cat: can't open 'x': No such file or directory`. */
const catWording = (line: string): string =>
  busyboxWording(line).replace(
    /^cat: (?!can't )(.*): (No such file or directory|Is a directory|Permission denied)$/,
    "cat: can't open '$1': $2",
  );

/** A GNU-backed applet, with busybox's wording unless `reword` says otherwise. */
function applet(
  name: string,
  command: ShellCommand,
  options: readonly OptionSpec[],
  extra: { min?: number; usageStatus?: number; reword?: (line: string) => string; longOptions?: boolean } = {},
): Program {
  return fromHostCommand(name, command, options, { ...extra, reword: extra.reword ?? busyboxWording });
}

export const GNU_APPLETS: Record<string, Program> = {
  cat: applet('cat', gnuCat, flags('nbvteA'), { reword: catWording }),
  // `head -5`, `tail -5`: the old count options, read here as digit flags and left to GNU's parser.
  head: applet('head', gnuHead, flags('n:c:qv0123456789'), { longOptions: false }),
  tail: applet('tail', gnuTail, flags('c:n:qvfFs:0123456789')),
  grep: applet('grep', gnuGrep, flags('HhnlLcoqvsrRiwxFEzm:A:B:C:e:f:'), { min: 1, usageStatus: 2 }),
  cp: applet('cp', gnuCp, flags('arPLHpfinlsTut:dR'), { min: 2 }),
  mv: applet('mv', gnuMv, flags('finTt:'), { min: 2 }),
  rm: applet('rm', gnuRm, flags('irRf'), { min: 1 }),
  rmdir: applet('rmdir', gnuRmdir, [...flags('p'), { key: 'parents', long: 'parents' }], { min: 1 }),
  mkdir: applet(
    'mkdir',
    gnuMkdir,
    [...flags('m:p'), { key: 'mode', long: 'mode', arg: 'required' }, { key: 'parents', long: 'parents' }],
    { min: 1 },
  ),
  touch: applet('touch', gnuTouch, flags('chamd:t:r:'), { min: 1 }),
  cut: applet('cut', gnuCut, flags('b:c:d:f:nsFO:')),
  sort: applet('sort', gnuSort, flags('nrufbdiMcszgVRhk:t:o:T:S:'), { usageStatus: 2 }),
  uniq: applet('uniq', gnuUniq, flags('cduiz')),
  tee: applet('tee', gnuTee, flags('ai')),
  tr: applet('tr', gnuTr, flags('cdsCt'), { min: 1 }),
};
