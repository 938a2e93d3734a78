// How the benchmarks time work: one shared definition, so every result file
// means the same thing by "median" and "p95".

/** Median wall time of `runs` runs, after one warm-up run (WASM compiled, libraries loaded, JIT settled). */
export async function medianMs(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)] ?? Number.NaN);
}

/** The p-th percentile (nearest rank) of the finite values, to 0.1 ms. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN) * 10) / 10;
}
