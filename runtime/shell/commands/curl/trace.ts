// What -v prints (src/tool_cb_dbg.c's plain trace): `* ` for curl's notes, `> ` and `< ` for
// headers sent and received (their CRLFs kept), and `{ [N bytes data]` / `} [N bytes data]` for
// data — only when the body does not go to the terminal, and once for a run of data.

/** The -v output of one curl run. */
export class Trace {
  private tracedData = false;

  constructor(
    private readonly write: (text: string) => void,
    readonly enabled: boolean,
    /** The body goes to the terminal: data notes are left out. */
    private readonly isatty: boolean,
  ) {}

  /** A note: `* text`. */
  info(text: string): void {
    if (!this.enabled) return;
    this.write(`* ${text}\n`);
    this.tracedData = false;
  }

  /** Header lines sent (without their CRLF). */
  headersOut(lines: readonly string[]): void {
    if (!this.enabled) return;
    this.write(lines.map((line) => `> ${line}\r\n`).join(''));
    this.tracedData = false;
  }

  /** One header line received (without its CRLF). */
  headerIn(line: string): void {
    if (!this.enabled) return;
    this.write(`< ${line}\r\n`);
    this.tracedData = false;
  }

  /** `size` bytes of data (or TLS records) received or sent. */
  data(direction: 'in' | 'out', size: number): void {
    if (!this.enabled || this.isatty || this.tracedData) return;
    this.write(`${direction === 'in' ? '{' : '}'} [${size} bytes data]\n`);
    this.tracedData = true;
  }
}
