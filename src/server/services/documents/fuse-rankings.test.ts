import { describe, expect, it } from "vitest";
import { fuseRankings } from "./fuse-rankings";

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("fuseRankings", () => {
  it("puts what both lists rank high first, then single-list items by rank", () => {
    const fullText = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const vector = [{ id: "b" }, { id: "d" }, { id: "a" }];
    expect(ids(fuseRankings([fullText, vector]))).toEqual(["b", "a", "d", "c"]);
  });

  it("keeps one list's order when there is only one", () => {
    const only = [{ id: "x" }, { id: "y" }, { id: "z" }];
    const fused = fuseRankings([only]);
    expect(ids(fused)).toEqual(["x", "y", "z"]);
    expect(fused[0]?.fusedScore).toBeCloseTo(1 / 61);
  });

  it("returns nothing for no hits", () => {
    expect(fuseRankings([[], []])).toEqual([]);
  });
});
