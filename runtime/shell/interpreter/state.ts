// Everything a bash process remembers between commands: variables, functions, aliases, options,
// positional parameters, the working directory. A subshell gets a deep copy.
import type { Command } from '../syntax/ast';
import { JobTable } from './job-table';

/** A shell variable. */
export interface Variable {
  value: string;
  exported: boolean;
  readonly?: boolean;
  /** `declare -i`: assignments are evaluated as arithmetic. */
  integer?: boolean;
}

/** The options of `set`. */
export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  pipefail: boolean;
  noglob: boolean;
  noclobber: boolean;
}

/** The state of one shell (or subshell). */
export class ShellState {
  vars = new Map<string, Variable>();
  functions = new Map<string, Command>();
  aliases = new Map<string, string>();
  options: ShellOptions = {
    errexit: false,
    nounset: false,
    xtrace: false,
    pipefail: false,
    noglob: false,
    noclobber: false,
  };
  positional: string[] = [];
  cwd = '/';
  lastStatus = 0;
  pipeStatus: number[] = [0];
  lastBackgroundPid: number | undefined;
  /** The jobs started with `&` or stopped with Ctrl-Z (a subshell starts with none). */
  jobs = new JobTable();
  /**
   * The builtin the previous command ran and the one the current command runs (bash's
   * last_shell_builtin, this_shell_builtin): `exit` right after `exit` or `jobs` leaves stopped jobs.
   */
  previousBuiltin: string | undefined;
  currentBuiltin: string | undefined;
  /** Saved variables of each running function call, innermost last (`local` restores them). */
  localFrames: Array<Map<string, Variable | undefined>> = [];
  /** This shell's process id: $$ stays the parent's in a subshell, BASHPID does not. */
  pid = 0;
  /** The line of the command running now ($LINENO). */
  lineno = 0;
  /**
   * The file a non-interactive shell is running (a script, or a file it sources): errors then
   * say `FILE: line N:` instead of `bash:`. Undefined at the prompt and for `bash -c`.
   */
  errorName: string | undefined;
  /** This shell is sh (dash): its errors read `NAME: LINE: ` and `foo: not found`. */
  dash = false;

  /** The value of a variable, or undefined when unset. */
  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Sets a variable, keeping its attributes; false (and no change) if it is read-only. */
  set(name: string, value: string, exported?: boolean): boolean {
    const existing = this.vars.get(name);
    if (existing?.readonly) return false;
    if (existing) {
      existing.value = value;
      if (exported) existing.exported = true;
    } else this.vars.set(name, { value, exported: exported ?? false });
    return true;
  }

  unset(name: string): boolean {
    if (this.vars.get(name)?.readonly) return false;
    this.vars.delete(name);
    return true;
  }

  /** `local name`: remembers the variable's current state to restore when the function returns. */
  makeLocal(name: string): void {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame || frame.has(name)) return;
    const existing = this.vars.get(name);
    frame.set(name, existing && { ...existing });
  }

  /** The exported variables: a command's environment. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, v] of this.vars) if (v.exported) env[name] = v.value;
    return env;
  }

  /** A copy for a subshell: changes to it do not reach this shell. */
  clone(): ShellState {
    const copy = new ShellState();
    for (const [name, v] of this.vars) copy.vars.set(name, { ...v });
    copy.functions = new Map(this.functions);
    copy.aliases = new Map(this.aliases);
    copy.options = { ...this.options };
    copy.positional = [...this.positional];
    copy.cwd = this.cwd;
    copy.lastStatus = this.lastStatus;
    copy.pipeStatus = [...this.pipeStatus];
    copy.lastBackgroundPid = this.lastBackgroundPid;
    copy.pid = this.pid;
    copy.lineno = this.lineno;
    copy.errorName = this.errorName;
    copy.dash = this.dash;
    copy.localFrames = this.localFrames.map((f) => new Map(f));
    return copy;
  }
}
