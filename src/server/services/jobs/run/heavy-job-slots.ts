import "server-only";

// Jobs whose inputs add up to more than this hold one of a few process-wide
// slots while they run: their bytes pass through this process (page counting,
// the hand-off to a worker, storing outputs), so many at once would add up.
// Small jobs, which mostly wait on the database, skip the line.
export const HEAVY_JOB_BYTES = 4 * 1024 * 1024;
const HEAVY_SLOTS = 2;

let free = HEAVY_SLOTS;
const waiting: (() => void)[] = [];

async function acquire(): Promise<() => void> {
  if (free > 0) free -= 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    // The slot passes straight to the next waiter, so `free` never goes above the cap.
    if (next) next();
    else free += 1;
  };
}

/** Runs `work` at once for a small job; a heavy one waits for a slot first. */
export async function withHeavyJobSlot<T>(inputBytes: number, work: () => Promise<T>): Promise<T> {
  if (inputBytes <= HEAVY_JOB_BYTES) return work();
  const release = await acquire();
  try {
    return await work();
  } finally {
    release();
  }
}
