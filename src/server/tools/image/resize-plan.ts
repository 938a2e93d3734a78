import "server-only";
import sharp from "sharp";

type Mode = "fit" | "fill" | "exact";
type Position = "center" | "top" | "bottom" | "left" | "right" | "top-left" | "top-right" | "bottom-left" | "bottom-right" | "smart";
type Request = { mode: Mode; width: number; height?: number | undefined; withoutEnlargement: boolean };

export const SHARP_FITS: Record<Mode, "inside" | "cover" | "fill"> = { fit: "inside", fill: "cover", exact: "fill" };

// Which part of the picture Fill keeps; "smart" is libvips' attention strategy (faces, skin, saturated colour).
export const SHARP_POSITIONS: Record<Position, string | number> = {
  center: "centre",
  top: "top",
  bottom: "bottom",
  left: "left",
  right: "right",
  "top-left": "left top",
  "top-right": "right top",
  "bottom-left": "left bottom",
  "bottom-right": "right bottom",
  smart: sharp.strategy.attention,
};

/**
 * The box a person asked for: a missing height follows the width at the picture's
 * own shape. (sharp would keep the original height for Exact, a stretch nobody means.)
 */
export function requestedBox(width: number, height: number, request: Request): { width: number; height: number } {
  return { width: request.width, height: request.height ?? Math.max(1, Math.round((request.width * height) / width)) };
}

/**
 * The size sharp will produce, worked out before decoding so an enlargement past
 * the pixel budget is refused up front. Mirrors sharp: Fit scales both sides by
 * one factor; Fill and Exact give the box, each side capped at the original when
 * enlarging is off.
 */
export function plannedSize(width: number, height: number, request: Request): { width: number; height: number } {
  const box = requestedBox(width, height, request);
  if (request.mode === "fit") {
    let scale = Math.min(box.width / width, request.height === undefined ? Infinity : box.height / height);
    if (request.withoutEnlargement) scale = Math.min(scale, 1);
    return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  }
  if (!request.withoutEnlargement) return box;
  return { width: Math.min(box.width, width), height: Math.min(box.height, height) };
}
