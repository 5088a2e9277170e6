// GNU coreutils, grep, sed and findutils as the Debian-based images (debian, ubuntu, nginx, redis,
// httpd, …) carry them: the learner host's own implementations (the same GNU programs, with
// GNU's texts), run as the container's processes over its files and streams.
import { commandContext } from './command-context';
import type { ShellCommand } from '../shell/command';
import { basename } from '../shell/commands/basename';
import { cp } from '../shell/commands/cp';
import { cut } from '../shell/commands/cut';
import { date } from '../shell/commands/date';
import { dirname } from '../shell/commands/dirname';
import { find } from '../shell/commands/find';
import { grep } from '../shell/commands/grep';
import { head } from '../shell/commands/head';
import { ln } from '../shell/commands/ln';
import { ls } from '../shell/commands/ls';
import { mv } from '../shell/commands/mv';
import { rmdir } from '../shell/commands/rmdir';
import { sed } from '../shell/commands/sed';
import { seq } from '../shell/commands/seq';
import { sort } from '../shell/commands/sort';
import { stat } from '../shell/commands/stat';
import { tail } from '../shell/commands/tail';
import { tee } from '../shell/commands/tee';
import { tr } from '../shell/commands/tr';
import { uniq } from '../shell/commands/uniq';
import { wc } from '../shell/commands/wc';
import type { Program } from './types';

/** `command` as a program of a container. */
const asProgram =
  (command: ShellCommand): Program =>
  (ctx) =>
    command.run(commandContext(ctx));

/**
 * The GNU programs of a Debian root. Those that would show the learner's host rather than the
 * container (id, whoami, uname, df, du) or run other commands (env, xargs) are left out.
 */
export const GNU_PROGRAMS: Record<string, Program> = Object.fromEntries(
  [
    basename,
    cp,
    cut,
    date,
    dirname,
    find,
    grep,
    head,
    ln,
    ls,
    mv,
    rmdir,
    sed,
    seq,
    sort,
    stat,
    tail,
    tee,
    tr,
    uniq,
    wc,
  ].map((command) => [command.name, asProgram(command)]),
);
