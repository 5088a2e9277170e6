// Control flow that unwinds through the interpreter: break, continue, return, exit, errors that
// abort the current command line, and Ctrl-C.

/** `break n`; also a job stopped by Ctrl-Z, which ends every loop with the job's status. */
export class BreakSignal {
  constructor(
    public levels: number,
    readonly status?: number,
  ) {}
}

/** `continue n`. */
export class ContinueSignal {
  constructor(public levels: number) {}
}

/** `return n` from a function or sourced file. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `exit n`: ends the shell (or the subshell it runs in). */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/**
 * An error that abandons the whole command line, as bash does after an expansion error
 * (`bad substitution`, `unbound variable`, arithmetic errors). The message is printed as is.
 */
export class ShellError extends Error {
  constructor(
    message: string,
    readonly status = 1,
    /** A non-interactive shell exits on it (an unbound variable, `${x:?message}`), not just the line. */
    readonly exitsScript = false,
  ) {
    super(message);
    this.name = 'ShellError';
  }
}

/** Ctrl-C reached the foreground job. */
export class InterruptSignal {}

/** The exit status of a job interrupted by Ctrl-C (128 + SIGINT). */
export const SIGINT_STATUS = 130;
