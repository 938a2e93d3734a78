import "server-only";

// Text drawn with a standard (Base-14) font is bytes in WinAnsiEncoding: Latin-1
// plus a few typographic characters in 0x80–0x9F. Everything else has no glyph,
// so it is refused up front rather than drawn as boxes.
const SPECIALS: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89, "Š": 0x8a,
  "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97,
  "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

function byteOf(char: string): number | undefined {
  const special = SPECIALS[char];
  if (special !== undefined) return special;
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) ? code : undefined;
}

/** True when every character can be drawn with a standard PDF font. */
export function isWinAnsiText(text: string): boolean {
  return [...text].every((char) => byteOf(char) !== undefined);
}

/** The text as a PDF hex string, `<48656C6C6F>`; characters without a glyph become "?". */
export function winAnsiHexString(text: string): string {
  const hex = [...text].map((char) => (byteOf(char) ?? 0x3f).toString(16).padStart(2, "0")).join("");
  return `<${hex.toUpperCase()}>`;
}

export const WIN_ANSI_HINT = "Use letters, numbers and punctuation of Western European languages: the standard PDF font has no other characters";
