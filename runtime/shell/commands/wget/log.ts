// wget's log (src/log.c) on stderr, by level: LOG_VERBOSE (the default chatter), LOG_NOTQUIET
// (errors; all but -q), LOG_NONVERBOSE (-nv's one line a file) and LOG_PROGRESS (the gauge).

/** The levels that show, from -q, -nv and --show-progress. */
export class WgetLog {
  constructor(
    private readonly write: (text: string) => void,
    private readonly options: { quiet: boolean; verbose: boolean; showProgress: boolean },
  ) {}

  /** LOG_VERBOSE. */
  verbose(text: string): void {
    if (!this.options.quiet && this.options.verbose) this.write(text);
  }

  /** LOG_NOTQUIET. */
  notQuiet(text: string): void {
    if (!this.options.quiet) this.write(text);
  }

  /** LOG_NONVERBOSE: only with -nv. */
  nonVerbose(text: string): void {
    if (!this.options.quiet && !this.options.verbose) this.write(text);
  }

  /** LOG_PROGRESS: the gauge, shown when verbose or asked for. */
  progress(text: string): void {
    if (this.showsProgress) this.write(text);
  }

  get showsProgress(): boolean {
    return this.options.showProgress || (!this.options.quiet && this.options.verbose);
  }
}

/** datetime_str: `2026-11-29 07:21:11` (the host's time zone is UTC). */
export function wgetTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
