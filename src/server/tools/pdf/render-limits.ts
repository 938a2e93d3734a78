import "server-only";

// What one page may cost before a tool that draws or reads it gives up. mupdf's
// WASM heap grows to whatever a page needs (up to 2 GiB for the whole process)
// and never shrinks, so these are checked before mupdf gets to allocate.

/** Decoded drawing instructions of one page, forms counted each time they are drawn. Real pages: KB to a few MB; dense CAD sheets 10–30 MB. */
export const MAX_PAGE_CONTENT_BYTES = 64 * 1024 * 1024;

/** Bytes in a page's strings, forms counted each time: each can become a glyph that text extraction keeps (about 64 bytes each in mupdf). Dense real pages have 10,000. */
export const MAX_PAGE_TEXT_BYTES = 2_000_000;

/** One image inside a PDF: 80 MP is an A3 scan at 600 dpi (240 MB decoded in RGB). */
export const MAX_EMBEDDED_IMAGE_PIXELS = 80_000_000;

/** Device calls per page (paths, text runs, images…): 2 million is ten times a dense map. */
export const MAX_PAGE_OPERATIONS = 2_000_000;

/** One rendered page: 50 MP is Letter or A4 at 600 dpi with room to spare (200 MB as RGBA). */
export const MAX_RENDER_PIXELS = 50_000_000;

export const DPI_MIN = 36;
export const DPI_MAX = 600;
