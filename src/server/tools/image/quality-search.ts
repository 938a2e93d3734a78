import "server-only";

/** One encoding of the picture at a quality setting. */
export type Trial = { data: Uint8Array; quality: number };

// Where most photos' sweet spot is, so the first guess is often close already.
const FIRST_GUESS = 80;
// How fast file size grows with quality for JPEG, WebP and AVIF: ln(size) rises ≈ 0.03–0.06 per step.
const LOG_SIZE_PER_STEP = 0.04;

type Bracket = { fitQuality: number; fitSize: number; overQuality: number; overSize: number };

/**
 * The next quality to try. Size grows smoothly (near exponentially) with quality,
 * so interpolating ln(size) lands close to the answer in 3–5 encodes where plain
 * bisection over 1..100 needs 7–8 — and an encode is the slow part (AVIF: ~1 s per
 * 2 MP). When the curve bends and two tries in a row land on the same side, the
 * guess keeps a quarter of the bracket away from its ends, so the bracket still shrinks.
 */
function nextQuality(bracket: Bracket, limit: number, stalling: boolean): number {
  const { fitQuality, fitSize, overQuality, overSize } = bracket;
  let guess: number;
  if (fitQuality > 0 && overQuality <= 100) {
    const share = (Math.log(limit) - Math.log(fitSize)) / (Math.log(overSize) - Math.log(fitSize));
    guess = fitQuality + share * (overQuality - fitQuality);
  } else if (fitQuality > 0) {
    guess = fitQuality + Math.log(limit / fitSize) / LOG_SIZE_PER_STEP;
  } else {
    guess = overQuality - Math.log(overSize / limit) / LOG_SIZE_PER_STEP;
  }
  const low = fitQuality + 1;
  const high = overQuality - 1;
  const margin = stalling ? Math.floor((high - low) / 4) : 0;
  return Math.min(high - margin, Math.max(low + margin, Math.floor(guess)));
}

/** The highest quality (1..100) whose file fits in `limit` bytes, or null when even quality 1 does not. */
export async function searchQuality(encode: (quality: number) => Promise<Trial>, limit: number): Promise<Trial | null> {
  let best: Trial | null = null;
  // Quality 0 "fits" and 101 is "too big" by definition: the bracket before anything is measured.
  const bracket: Bracket = { fitQuality: 0, fitSize: 0, overQuality: 101, overSize: Infinity };
  let quality = FIRST_GUESS;
  let lastFitted: boolean | undefined;
  let stalling = false;
  while (bracket.overQuality - bracket.fitQuality > 1) {
    const trial = await encode(quality);
    const size = trial.data.byteLength;
    stalling = lastFitted === size <= limit;
    lastFitted = size <= limit;
    if (size <= limit) {
      best = trial;
      Object.assign(bracket, { fitQuality: quality, fitSize: size });
    } else {
      Object.assign(bracket, { overQuality: quality, overSize: size });
    }
    if (bracket.overQuality - bracket.fitQuality > 1) quality = nextQuality(bracket, limit, stalling);
  }
  return best;
}
