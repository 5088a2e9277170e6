// curl's progress meter (lib/progress.c): a two-line header, then one line redrawn with `\r`
// at most once a second and once more when a transfer ends. kubeplay's transfers take no time
// on the clock, so speeds are worked out over `nominalUs`, about what a real local transfer
// takes, rather than over no time at all.

/** time2str: `--:--:--`, ` 0:00:05`, or days. */
function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  if (h <= 99) {
    const m = Math.floor((seconds - h * 3600) / 60);
    const s = seconds - h * 3600 - m * 60;
    return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  }
  const d = Math.floor(seconds / 86400);
  return d <= 999
    ? `${String(d).padStart(3)}d ${String(Math.floor((seconds - d * 86400) / 3600)).padStart(2, '0')}h`
    : `${String(d).padStart(7)}d`;
}

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/** max5data: a byte count in at most five columns, with k, M, G suffixes. */
export function max5(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * KB) return `${String(Math.floor(bytes / KB)).padStart(4)}k`;
  if (bytes < 100 * MB) return `${String(Math.floor(bytes / MB)).padStart(2)}.${Math.floor((bytes % MB) / (MB / 10))}M`;
  if (bytes < 10000 * MB) return `${String(Math.floor(bytes / MB)).padStart(4)}M`;
  if (bytes < 100 * GB) return `${String(Math.floor(bytes / GB)).padStart(2)}.${Math.floor((bytes % GB) / (GB / 10))}G`;
  return `${String(Math.floor(bytes / GB)).padStart(4)}G`;
}

/** trspeed: bytes a second over `us` microseconds. */
export function speed(bytes: number, us: number): number {
  return us < 1 ? bytes * 1_000_000 : Math.floor((bytes * 1_000_000) / us);
}

/** What one transfer has moved so far. */
export interface Progress {
  /** Expected download size (Content-Length), when known. */
  downloadSize?: number;
  downloaded: number;
  uploadSize?: number;
  uploaded: number;
}

/** The meter of one curl run on stderr; off when silent or when the body goes to the terminal. */
export class ProgressMeter {
  private headerShown = false;
  private startedAt = 0;
  private lastSecond = -1;
  /** The transfer shown: sizes, and the nominal time its bytes took. */
  progress: Progress = { downloaded: 0, uploaded: 0 };
  nominalUs = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly enabled: boolean,
    private readonly now: () => number,
  ) {}

  /** A transfer starts: the header (once a run) and a first line. */
  start(): void {
    this.startedAt = this.now();
    this.progress = { downloaded: 0, uploaded: 0 };
    this.nominalUs = 0;
    this.lastSecond = -1;
    this.show();
  }

  /** A redirect's next request: counts start over, nothing is shown until it ends. */
  restart(): void {
    this.progress = { downloaded: 0, uploaded: 0 };
    this.nominalUs = 0;
  }

  /** The clock moved while waiting: a new line when a new second began. */
  tick(): void {
    const second = Math.floor((this.now() - this.startedAt) / 1000);
    if (second !== this.lastSecond) this.show();
  }

  /** The transfer ended (well or not): its last line, and a line break. */
  done(): void {
    this.show();
    if (this.enabled) this.write('\n');
  }

  private show(): void {
    this.lastSecond = Math.floor((this.now() - this.startedAt) / 1000);
    if (!this.enabled) return;
    if (!this.headerShown) {
      this.headerShown = true;
      this.write(
        '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
          '                                 Dload  Upload   Total   Spent    Left  Speed\n',
      );
    }
    this.write(`\r${this.line()}`);
  }

  private line(): string {
    const p = this.progress;
    const elapsedUs = Math.max((this.now() - this.startedAt) * 1000, this.nominalUs);
    const spent = Math.floor(elapsedUs / 1_000_000);
    const dlspeed = speed(p.downloaded, elapsedUs);
    const ulspeed = speed(p.uploaded, elapsedUs);
    const percent = (done: number, size: number | undefined, rate: number): number => {
      if (size === undefined || rate <= 0) return 0;
      return size > 10000 ? Math.floor(done / Math.floor(size / 100)) : size > 0 ? Math.floor((done * 100) / size) : 0;
    };
    const estimate = Math.max(
      p.uploadSize !== undefined && ulspeed > 0 ? Math.floor(p.uploadSize / ulspeed) : 0,
      p.downloadSize !== undefined && dlspeed > 0 ? Math.floor(p.downloadSize / dlspeed) : 0,
    );
    const expected = (p.uploadSize ?? p.uploaded) + (p.downloadSize ?? p.downloaded);
    const moved = p.downloaded + p.uploaded;
    const total =
      expected > 10000
        ? Math.floor(moved / Math.floor(expected / 100))
        : expected > 0
          ? Math.floor((moved * 100) / expected)
          : 0;
    // Within the first second the current speed is the average.
    const current = dlspeed + ulspeed;
    const pct = (n: number): string => String(n).padStart(3);
    return (
      `${pct(total)} ${max5(expected)}  ${pct(percent(p.downloaded, p.downloadSize, dlspeed))} ${max5(p.downloaded)}  ` +
      `${pct(percent(p.uploaded, p.uploadSize, ulspeed))} ${max5(p.uploaded)}  ${max5(dlspeed)}  ${max5(ulspeed)} ` +
      `${time2str(estimate)} ${time2str(spent)} ${time2str(estimate > 0 ? estimate - spent : 0)} ${max5(current)}`
    );
  }
}
