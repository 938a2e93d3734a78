// Where every bench leaves its numbers: printed, and kept as bench/results/<name>.json.
import { mkdir, writeFile } from "node:fs/promises";

/** `shown` is what is printed when the whole result is too long to read (a corpus run's per-file rows). */
export async function writeBenchResults(name: string, results: unknown, options: { shown?: unknown; indent?: number } = {}): Promise<void> {
  console.log(JSON.stringify(options.shown ?? results, null, 2));
  await mkdir(new URL("../results/", import.meta.url), { recursive: true });
  await writeFile(new URL(`../results/${name}.json`, import.meta.url), `${JSON.stringify(results, null, options.indent ?? 2)}\n`);
}
