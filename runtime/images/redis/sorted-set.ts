// A sorted set: members with scores, ordered by score and then by member bytes, as redis's
// skiplist orders them. The order is rebuilt lazily after changes (sets here are small).

export class SortedSet {
  private readonly scores = new Map<string, number>();
  private order: string[] | undefined;

  get size(): number {
    return this.scores.size;
  }

  score(member: string): number | undefined {
    return this.scores.get(member);
  }

  set(member: string, score: number): void {
    this.scores.set(member, score);
    this.order = undefined;
  }

  delete(member: string): boolean {
    this.order = undefined;
    return this.scores.delete(member);
  }

  /** Members in ascending order. */
  members(): string[] {
    this.order ??= [...this.scores.keys()].sort((a, b) => {
      const by = (this.scores.get(a) as number) - (this.scores.get(b) as number);
      if (by !== 0 && !Number.isNaN(by)) return by;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    return this.order;
  }

  /** The 0-based rank of `member`, if present. */
  rank(member: string): number | undefined {
    if (!this.scores.has(member)) return undefined;
    return this.members().indexOf(member);
  }

  clone(): SortedSet {
    const copy = new SortedSet();
    for (const [member, score] of this.scores) copy.set(member, score);
    return copy;
  }
}
