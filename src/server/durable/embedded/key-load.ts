import "server-only";

/**
 * Runs executing in this engine per concurrency group (see
 * concurrency-limits.ts), with each group's limit. Claims skip full groups
 * and prefer the groups with the fewest runs, so owners share the engine
 * fairly. Counted per process, like the functions' own limits.
 */
export class KeyLoad {
  private readonly groups = new Map<string, { running: number; limit: number }>();

  add(limits: Map<string, number>): void {
    for (const [key, limit] of limits) {
      const group = this.groups.get(key);
      if (group) {
        group.running += 1;
        group.limit = Math.min(group.limit, limit);
      } else this.groups.set(key, { running: 1, limit });
    }
  }

  remove(limits: Map<string, number>): void {
    for (const key of limits.keys()) {
      const group = this.groups.get(key);
      if (!group) continue;
      group.running -= 1;
      if (group.running <= 0) this.groups.delete(key);
    }
  }

  /** Groups at their limit: no run in them may be claimed now. */
  full(): string[] {
    return [...this.groups].filter(([, group]) => group.running >= group.limit).map(([key]) => key);
  }

  /** Running runs per group (groups with none are absent). */
  running(): Record<string, number> {
    return Object.fromEntries([...this.groups].map(([key, group]) => [key, group.running]));
  }
}
