// Linux's signals as bash names and describes them: numbers for `kill -l`, names for `kill -s`,
// and the descriptions (glibc's strsignal) that job notices print, e.g. `Terminated`.

/** Signal numbers the job machinery acts on. */
export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGKILL = 9;
export const SIGPIPE = 13;
export const SIGTERM = 15;
export const SIGCHLD = 17;
export const SIGCONT = 18;
export const SIGSTOP = 19;
export const SIGTSTP = 20;
export const SIGTTIN = 21;
export const SIGTTOU = 22;
export const SIGURG = 23;
export const SIGWINCH = 28;

/** Name (without SIG) and strsignal text of signals 1–31, in order. */
const STANDARD: ReadonlyArray<readonly [string, string]> = [
  ['HUP', 'Hangup'],
  ['INT', 'Interrupt'],
  ['QUIT', 'Quit'],
  ['ILL', 'Illegal instruction'],
  ['TRAP', 'Trace/breakpoint trap'],
  ['ABRT', 'Aborted'],
  ['BUS', 'Bus error'],
  ['FPE', 'Floating point exception'],
  ['KILL', 'Killed'],
  ['USR1', 'User defined signal 1'],
  ['SEGV', 'Segmentation fault'],
  ['USR2', 'User defined signal 2'],
  ['PIPE', 'Broken pipe'],
  ['ALRM', 'Alarm clock'],
  ['TERM', 'Terminated'],
  ['STKFLT', 'Stack fault'],
  ['CHLD', 'Child exited'],
  ['CONT', 'Continued'],
  ['STOP', 'Stopped (signal)'],
  ['TSTP', 'Stopped'],
  ['TTIN', 'Stopped (tty input)'],
  ['TTOU', 'Stopped (tty output)'],
  ['URG', 'Urgent I/O condition'],
  ['XCPU', 'CPU time limit exceeded'],
  ['XFSZ', 'File size limit exceeded'],
  ['VTALRM', 'Virtual timer expired'],
  ['PROF', 'Profiling timer expired'],
  ['WINCH', 'Window changed'],
  ['IO', 'I/O possible'],
  ['PWR', 'Power failure'],
  ['SYS', 'Bad system call'],
];
const RTMIN = 34;
const RTMAX = 64;

/** The highest signal number (bash's NSIG - 1). */
export const MAX_SIGNAL = RTMAX;

/** bash's name for signal `n` without `SIG` (`RTMIN+3`, `RTMAX-2`), or undefined (32, 33, out of range). */
export function signalName(n: number): string | undefined {
  if (n === 0) return 'EXIT';
  if (n >= 1 && n <= STANDARD.length) return STANDARD[n - 1][0];
  if (n < RTMIN || n > RTMAX) return undefined;
  // bash names the lower half from RTMIN up and the upper half from RTMAX down.
  if (n === RTMIN) return 'RTMIN';
  if (n === RTMAX) return 'RTMAX';
  return n - RTMIN <= (RTMAX - RTMIN) / 2 ? `RTMIN+${n - RTMIN}` : `RTMAX-${RTMAX - n}`;
}

/** What a job killed by signal `n` reports (`Terminated`, `Killed`, `Real-time signal 1`). */
export function signalDescription(n: number): string {
  if (n >= 1 && n <= STANDARD.length) return STANDARD[n - 1][1];
  if (n >= RTMIN && n <= RTMAX) return `Real-time signal ${n - RTMIN}`;
  return `Signal ${n}`;
}

/**
 * A signal from `kill -s SPEC` / `-SPEC`: a number, or a name in any case with or without
 * `SIG`; undefined when bash says `invalid signal specification`.
 */
export function decodeSignal(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    return n === 0 || signalName(n) !== undefined ? n : undefined;
  }
  const upper = spec.toUpperCase();
  const bare = upper.startsWith('SIG') ? upper.slice(3) : upper;
  for (let n = 1; n <= MAX_SIGNAL; n++) if (signalName(n) === bare) return n;
  return undefined;
}

/** `kill -l`: every signal as ` n) SIGNAME`, five to a line, tab-separated, as bash prints it. */
export function signalTable(): string {
  let text = '';
  let column = 0;
  for (let n = 1; n <= MAX_SIGNAL; n++) {
    const name = signalName(n);
    if (name === undefined) continue;
    text += `${String(n).padStart(2)}) SIG${name}`;
    column = (column + 1) % 5;
    text += column === 0 ? '\n' : '\t';
  }
  return column === 0 ? text : `${text}\n`;
}
