import "server-only";

/**
 * Turning and mirroring as one step. sharp mirrors before it rotates and folds the
 * EXIF orientation in its own way, so chaining autoOrient().rotate().flop() gives
 * the wrong picture for some combinations. Instead the whole change — camera
 * orientation, then the person's turn, then their mirrors — is worked out here as
 * "mirror left-right or not, then turn clockwise by this many degrees", which sharp
 * does exactly as asked.
 *
 * Every rigid change of a picture can be written R(d)∘M: mirror (M, optional) then
 * turn by d. Composition only needs M∘R(d) = R(−d)∘M.
 */
export type TurnPlan = { mirror: boolean; degrees: number };

// What EXIF orientations 1–8 need to show upright, as mirror-then-turn.
const UPRIGHT: Record<number, TurnPlan> = {
  1: { mirror: false, degrees: 0 },
  2: { mirror: true, degrees: 0 },
  3: { mirror: false, degrees: 180 },
  4: { mirror: true, degrees: 180 },
  5: { mirror: true, degrees: 270 },
  6: { mirror: false, degrees: 90 },
  7: { mirror: true, degrees: 90 },
  8: { mirror: false, degrees: 270 },
};

const normalize = (degrees: number) => ((degrees % 360) + 360) % 360;

/** `second` applied after `first`. */
function then(first: TurnPlan, second: TurnPlan): TurnPlan {
  const turn = second.mirror ? -first.degrees : first.degrees;
  return { mirror: first.mirror !== second.mirror, degrees: normalize(second.degrees + turn) };
}

/** Camera orientation, then a clockwise turn by `angle`, then the mirrors (a vertical mirror is a left-right one turned 180°). */
export function planTurn(orientation: number | undefined, angle: number, flipHorizontal: boolean, flipVertical: boolean): TurnPlan {
  const upright = UPRIGHT[orientation ?? 1] ?? { mirror: false, degrees: 0 };
  const turned = then(upright, { mirror: false, degrees: normalize(angle) });
  const mirrors: TurnPlan = { mirror: flipHorizontal !== flipVertical, degrees: flipVertical ? 180 : 0 };
  return then(turned, mirrors);
}

/** True when the turn is a whole number of quarter turns: pixels move without resampling. */
export function isQuarterTurn(degrees: number): boolean {
  return Number.isInteger(degrees) && degrees % 90 === 0;
}
