// rand() and srand() as mawk built against glibc: srandom/random (the TYPE_3 additive feedback
// generator), rand() = random() / RAND_MAX, so `srand(1); rand()` gives glibc's 0.840188.

export class GlibcRandom {
  private r: number[] = [];
  private i = 0;

  constructor(seed: number) {
    this.seed(seed);
  }

  seed(seed: number): void {
    const r = new Array<number>(34);
    r[0] = seed | 0 || 1;
    for (let k = 1; k < 31; k++) {
      // 16807 * r mod (2^31 - 1), by Schrage's method as glibc does, in signed 32 bits.
      const hi = Math.trunc(r[k - 1] / 127773);
      const lo = r[k - 1] % 127773;
      let word = 16807 * lo - 2836 * hi;
      if (word < 0) word += 2147483647;
      r[k] = word;
    }
    for (let k = 31; k < 34; k++) r[k] = r[k - 31];
    this.r = r;
    this.i = 34;
    for (let k = 0; k < 310; k++) this.step();
  }

  private step(): number {
    const r = this.r;
    const v = (r[this.i - 31] + r[this.i - 3]) >>> 0;
    r.push(v);
    this.i++;
    if (r.length > 1000) {
      this.r = r.slice(-34);
      this.i = 34;
    }
    return v >>> 1;
  }

  /** glibc random(): 0 .. 2^31-1. */
  next(): number {
    return this.step();
  }
}

export const RAND_MAX = 2147483647;
