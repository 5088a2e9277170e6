// Records from an input (a file read whole, or standard input as it arrives), cut by RS: one
// byte, "" (paragraphs: blank lines separate, leading newlines skipped), or a regex.
import { compileRegex } from './regex';

export class RecordReader {
  private buf = '';
  private eof = false;
  private started = false;

  /** `more` yields the next chunk (a byte string) or null at end of input. */
  constructor(private readonly more: () => Promise<string | null>) {}

  /** The next record by `rs`, or null at end of input. */
  async next(rs: string): Promise<string | null> {
    for (;;) {
      if (rs === '' && !this.started && this.buf !== '') {
        // Paragraph mode skips newlines at the start of the input.
        const skipped = this.buf.replace(/^\n+/, '');
        this.buf = skipped;
        if (this.buf !== '') this.started = true;
      }
      const cut = this.find(rs);
      if (cut) {
        const record = this.buf.slice(0, cut[0]);
        this.buf = this.buf.slice(cut[1]);
        this.started = true;
        return record;
      }
      if (this.eof) {
        if (this.buf === '') return null;
        let record = this.buf;
        this.buf = '';
        if (rs === '' && record.endsWith('\n')) record = record.slice(0, -1);
        return record;
      }
      const chunk = await this.more();
      if (chunk === null) this.eof = true;
      else this.buf += chunk;
    }
  }

  /** Where the first separator is, if it is certain (a regex match touching the end may grow). */
  private find(rs: string): [number, number] | undefined {
    if (rs.length === 1) {
      const at = this.buf.indexOf(rs);
      return at < 0 ? undefined : [at, at + 1];
    }
    const m = compileRegex(rs === '' ? '\n\n+' : rs).exec(this.buf);
    if (!m || (m[1] === this.buf.length && !this.eof)) return undefined;
    if (m[0] === m[1]) return undefined;
    return m;
  }
}
