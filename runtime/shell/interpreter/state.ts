// Everything a bash process remembers between commands: variables, functions, aliases, options,
// positional parameters, the working directory. A subshell gets a deep copy.
import { CompletionTable } from './completion-spec';
import type { Command } from '../syntax/ast';
import { JobTable } from './job-table';

/** The shells kubeplay imitates, as far as their messages differ. */
export type Dialect = 'bash' | 'dash' | 'ash';

/** A shell variable. */
export interface Variable {
  value: string;
  exported: boolean;
  readonly?: boolean;
  /** `declare -i`: assignments are evaluated as arithmetic. */
  integer?: boolean;
  /** An array's elements by index (or key, when associative); `value` is then unused. */
  array?: ShellArray;
}

/** The elements of an indexed (`a=(x y)`) or associative (`declare -A`) array. */
export interface ShellArray {
  assoc: boolean;
  items: Map<string, string>;
}

/** An array's keys in bash's order: indices ascending, keys as they were added. */
export function arrayKeys(array: ShellArray): string[] {
  const keys = [...array.items.keys()];
  return array.assoc ? keys : keys.sort((a, b) => Number(a) - Number(b));
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
  /** Programmable completion: `complete`'s specifications by command name. */
  completions = new CompletionTable();
  /** The completion being computed (inside its -F function): what `compopt` changes. */
  completing?: { options: Set<string> };
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
  /**
   * Which shell this is, for its errors' wording: bash; dash (the host's sh: `NAME: LINE: `,
   * `foo: not found`); busybox's ash (containers' sh: `sh: foo: not found`).
   */
  dialect: Dialect = 'bash';

  /** The value of a variable (an array's element 0), or undefined when unset. */
  get(name: string): string | undefined {
    const variable = this.vars.get(name);
    return variable?.array ? variable.array.items.get('0') : variable?.value;
  }

  /** Sets a variable (an array's element 0), keeping its attributes; false if it is read-only. */
  set(name: string, value: string, exported?: boolean): boolean {
    const existing = this.vars.get(name);
    if (existing?.readonly) return false;
    if (existing?.array) existing.array.items.set('0', value);
    else if (existing) existing.value = value;
    else this.vars.set(name, { value, exported: exported ?? false });
    if (existing && exported) existing.exported = true;
    return true;
  }

  /** Sets one element (`a[i]=v`): a scalar becomes element 0 of a new array; false if read-only. */
  setElement(name: string, key: string, value: string): boolean {
    const array = this.arrayOf(name);
    if (!array) return false;
    array.items.set(key, value);
    return true;
  }

  /** The variable as an array, made one if it is a scalar or unset; undefined if read-only. */
  arrayOf(name: string, assoc = false): ShellArray | undefined {
    const existing = this.vars.get(name);
    if (existing?.readonly) return undefined;
    if (existing?.array) return existing.array;
    const items = new Map<string, string>();
    if (existing?.value) items.set('0', existing.value);
    const array: ShellArray = { assoc, items };
    if (existing) existing.array = array;
    else this.vars.set(name, { value: '', exported: false, array });
    return array;
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
    frame.set(name, existing && copyVariable(existing));
  }

  /** The exported variables: a command's environment. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    // Arrays are not exported (bash cannot pass them to a program).
    for (const [name, v] of this.vars) if (v.exported && !v.array) env[name] = v.value;
    return env;
  }

  /** A copy for a subshell: changes to it do not reach this shell. */
  clone(): ShellState {
    const copy = new ShellState();
    for (const [name, v] of this.vars) copy.vars.set(name, copyVariable(v));
    copy.functions = new Map(this.functions);
    copy.aliases = new Map(this.aliases);
    copy.completions = this.completions.clone();
    copy.completing = this.completing;
    copy.options = { ...this.options };
    copy.positional = [...this.positional];
    copy.cwd = this.cwd;
    copy.lastStatus = this.lastStatus;
    copy.pipeStatus = [...this.pipeStatus];
    copy.lastBackgroundPid = this.lastBackgroundPid;
    copy.pid = this.pid;
    copy.lineno = this.lineno;
    copy.errorName = this.errorName;
    copy.dialect = this.dialect;
    copy.localFrames = this.localFrames.map((f) => new Map(f));
    return copy;
  }
}

/** A copy of a variable that shares nothing with it (an array's elements included). */
function copyVariable(v: Variable): Variable {
  return v.array ? { ...v, array: { assoc: v.array.assoc, items: new Map(v.array.items) } } : { ...v };
}
