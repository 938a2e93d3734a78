import "server-only";

// Reciprocal rank fusion (Cormack et al., 2009): each list adds 1 / (k + rank)
// for every item it ranks. Scores of different kinds (ts_rank, cosine) never
// have to be made comparable, and an item both lists like rises to the top.
// k = 60 is the value the paper found robust.

export const RRF_K = 60;

/** Items of all lists by fused score, best first; an item keeps the fields of the first list that had it. */
export function fuseRankings<T extends { id: string }>(lists: readonly (readonly T[])[], k = RRF_K): (T & { fusedScore: number })[] {
  const fused = new Map<string, { item: T; score: number; best: number }>();
  for (const list of lists) {
    list.forEach((item, index) => {
      const entry = fused.get(item.id) ?? { item, score: 0, best: index };
      entry.score += 1 / (k + index + 1);
      entry.best = Math.min(entry.best, index);
      fused.set(item.id, entry);
    });
  }
  // Ties (one list each, same rank) go to the better single rank, then to the earlier list.
  return [...fused.values()].sort((a, b) => b.score - a.score || a.best - b.best).map(({ item, score }) => ({ ...item, fusedScore: score }));
}
