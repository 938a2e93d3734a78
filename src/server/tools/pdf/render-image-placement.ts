import "server-only";
import type { mupdf } from "./mupdf-runtime";

export type PageSize = "fit" | "a4" | "letter";

const PAPER: Record<Exclude<PageSize, "fit">, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };
// PDF viewers refuse pages over 200 inches; images without a resolution are taken as 96 dpi, as browsers do.
const MAX_SIDE = 14_400;
const DEFAULT_DPI = 96;

type Placed = { width: number; height: number; orientation: number; dpi: number | undefined };

// EXIF orientation as a map from stored image coordinates (u right, v down, 0..1)
// to displayed ones: the image is embedded as it is stored (no re-encoding) and
// turned by the page's drawing matrix instead.
type Orient = (u: number, v: number) => [number, number];
const upright: Orient = (u, v) => [u, v];
const ORIENT: Record<number, Orient> = {
  1: upright,
  2: (u, v) => [1 - u, v],
  3: (u, v) => [1 - u, 1 - v],
  4: (u, v) => [u, 1 - v],
  5: (u, v) => [v, u],
  6: (u, v) => [1 - v, u],
  7: (u, v) => [1 - v, 1 - u],
  8: (u, v) => [v, 1 - u],
};

/** The page box and the `cm` matrix that draws the image upright, centred and fitted. */
export function placeImage(image: Placed, page: { size: PageSize; marginMm: number }): { mediabox: mupdf.Rect; matrix: mupdf.Matrix } {
  const turned = image.orientation >= 5 && image.orientation <= 8;
  const shownWidth = turned ? image.height : image.width;
  const shownHeight = turned ? image.width : image.height;

  let pageWidth: number;
  let pageHeight: number;
  let margin = 0;
  if (page.size === "fit") {
    const points = 72 / (image.dpi ?? DEFAULT_DPI);
    const shrink = Math.min(1, MAX_SIDE / (shownWidth * points), MAX_SIDE / (shownHeight * points));
    pageWidth = shownWidth * points * shrink;
    pageHeight = shownHeight * points * shrink;
  } else {
    const [short, long] = PAPER[page.size];
    [pageWidth, pageHeight] = shownWidth > shownHeight ? [long, short] : [short, long];
    margin = Math.min((page.marginMm * 72) / 25.4, pageWidth / 4, pageHeight / 4);
  }
  const scale = Math.min((pageWidth - 2 * margin) / shownWidth, (pageHeight - 2 * margin) / shownHeight);
  const width = shownWidth * scale;
  const height = shownHeight * scale;
  const x = (pageWidth - width) / 2;
  const y = (pageHeight - height) / 2;

  // PDF draws an image into the unit square with its first row at the top: (p, q) is stored (p, 1 - q).
  const orient = ORIENT[image.orientation] ?? upright;
  const toPage = (p: number, q: number): [number, number] => {
    const [s, t] = orient(p, 1 - q);
    return [x + s * width, y + (1 - t) * height];
  };
  const [e, f] = toPage(0, 0);
  const [ax, ay] = toPage(1, 0);
  const [cx, cy] = toPage(0, 1);
  return { mediabox: [0, 0, pageWidth, pageHeight], matrix: [ax - e, ay - f, cx - e, cy - f, e, f] };
}
