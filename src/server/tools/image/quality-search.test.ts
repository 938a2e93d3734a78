import { describe, expect, it } from "vitest";
import { searchQuality } from "./quality-search";

// Size curves shaped like real encoders' (ln size rising 0.03–0.06 per step), and one with a sharp knee near the top.
const curves: Record<string, (quality: number) => number> = {
  gentle: (quality) => 10_000 * Math.exp(0.03 * quality),
  steep: (quality) => 2_000 * Math.exp(0.06 * quality),
  knee: (quality) => 50_000 * Math.exp(0.03 * quality + (quality > 90 ? 0.2 * (quality - 90) : 0)),
};

async function search(curve: (quality: number) => number, limit: number) {
  const tried: number[] = [];
  const found = await searchQuality(async (quality) => {
    tried.push(quality);
    return { quality, data: new Uint8Array(Math.round(curve(quality))) };
  }, limit);
  return { quality: found?.quality ?? null, tries: tried.length };
}

describe("searchQuality", () => {
  it("finds the highest quality that fits, in fewer encodes than bisection", async () => {
    for (const [name, curve] of Object.entries(curves)) {
      for (const limit of [15_000, 60_000, 250_000, 1_000_000]) {
        let best: number | null = null;
        for (let quality = 1; quality <= 100; quality += 1) if (curve(quality) <= limit) best = quality;
        const result = await search(curve, limit);
        expect({ name, limit, quality: result.quality }).toEqual({ name, limit, quality: best });
        expect(result.tries).toBeLessThanOrEqual(8);
      }
    }
  });

  it("says so when even quality 1 is too big, after two encodes", async () => {
    expect(await search(curves.knee ?? (() => 0), 10_000)).toEqual({ quality: null, tries: 2 });
  });
});
