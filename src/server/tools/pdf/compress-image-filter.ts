import "server-only";
import type { mupdf } from "./mupdf-runtime";

/** An image XObject that can become a plain 8-bit JPEG without changing how it looks. */
export type CompressibleImage = { number: number; width: number; height: number; channels: 1 | 3; isJpeg: boolean; rawLength: number };

const DEVICE_CHANNELS: Record<string, 1 | 3> = { DeviceGray: 1, DeviceRGB: 3, G: 1, RGB: 3 };
const CALIBRATED_CHANNELS: Record<string, 1 | 3> = { CalGray: 1, CalRGB: 3 };
// Already compact (JBIG2, CCITT fax, JPEG 2000) or not photographic: left alone.
const REENCODED_FILTERS = new Set(["DCTDecode", "DCT", "FlateDecode", "Fl", "LZWDecode", "LZW", "RunLengthDecode", "RL"]);

/**
 * Skipped: masks and stencils (1-bit shapes), CMYK, palettes and spot colours
 * (JPEG would shift them), /Decode arrays and colour-key masks (exact values
 * matter), and bit depths other than 8.
 */
export function compressibleImage(doc: mupdf.PDFDocument, number: number): CompressibleImage | null {
  const object = doc.newIndirect(number);
  if (!object.isStream()) return null;
  const subtype = object.get("Subtype");
  if (!subtype.isName() || subtype.asName() !== "Image") return null;
  if (object.get("ImageMask").isBoolean() && object.get("ImageMask").asBoolean()) return null;
  if (object.get("BitsPerComponent").asNumber() !== 8) return null;
  if (!object.get("Decode").isNull() || object.get("Mask").isArray()) return null;
  const channels = channelsOf(object.get("ColorSpace"));
  const filters = filterNames(object.get("Filter"));
  if (!channels || filters.length > 1 || (filters[0] !== undefined && !REENCODED_FILTERS.has(filters[0]))) return null;
  const width = object.get("Width").asNumber();
  const height = object.get("Height").asNumber();
  if (!(width >= 1 && height >= 1)) return null;
  const isJpeg = filters[0] === "DCTDecode" || filters[0] === "DCT";
  if (isJpeg && !object.get("DecodeParms").isNull()) return null; // a /ColorTransform override libjpeg would not see
  return { number, width, height, channels, isJpeg, rawLength: object.get("Length").asNumber() };
}

function channelsOf(space: mupdf.PDFObject): 1 | 3 | null {
  if (space.isName()) return DEVICE_CHANNELS[space.asName()] ?? null;
  if (!space.isArray()) return null;
  const family = space.get(0);
  if (!family.isName()) return null;
  if (family.asName() === "ICCBased") {
    const components = space.get(1).get("N").asNumber();
    return components === 1 ? 1 : components === 3 ? 3 : null;
  }
  return CALIBRATED_CHANNELS[family.asName()] ?? null;
}

function filterNames(filter: mupdf.PDFObject): string[] {
  if (filter.isName()) return [filter.asName()];
  const names: string[] = [];
  if (filter.isArray()) filter.forEach((item) => void names.push(item.isName() ? item.asName() : "?"));
  return names;
}
