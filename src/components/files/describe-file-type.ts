// Names and extensions for the types FileForge stores; the server decides a
// file's real type from its bytes, these are only for people and pickers.
const FILE_TYPES: Record<string, { label: string; extensions: readonly string[] }> = {
  "application/pdf": { label: "PDF", extensions: [".pdf"] },
  "image/jpeg": { label: "JPEG", extensions: [".jpg", ".jpeg"] },
  "image/png": { label: "PNG", extensions: [".png"] },
  "image/webp": { label: "WebP", extensions: [".webp"] },
  "image/avif": { label: "AVIF", extensions: [".avif"] },
  "image/heic": { label: "HEIC", extensions: [".heic"] },
  "image/heif": { label: "HEIF", extensions: [".heif", ".hif"] },
  "image/heic-sequence": { label: "HEIC", extensions: [".heics"] },
  "image/heif-sequence": { label: "HEIF", extensions: [".heifs"] },
  "image/gif": { label: "GIF", extensions: [".gif"] },
  "image/tiff": { label: "TIFF", extensions: [".tif", ".tiff"] },
  "text/plain": { label: "Text", extensions: [".txt"] },
};

/** "PDF", "JPEG"; unknown types fall back to their subtype, e.g. "ZIP". */
export function fileTypeLabel(mimeType: string): string {
  return FILE_TYPES[mimeType]?.label ?? (mimeType.split("/").at(-1) ?? mimeType).toUpperCase();
}

/** "PDF" or "JPEG, PNG or WebP". */
export function listFileTypes(mimeTypes: readonly string[]): string {
  // HEIC stills and sequences share a name.
  const labels = [...new Set(mimeTypes.map(fileTypeLabel))];
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/** The file input's `accept`: MIME types plus extensions, since browsers guess some types poorly. */
export function acceptAttribute(mimeTypes: readonly string[]): string {
  return mimeTypes.flatMap((mimeType) => [mimeType, ...(FILE_TYPES[mimeType]?.extensions ?? [])]).join(",");
}

/** A known format's proper name for a bare value such as "webp" → "WebP", else null. */
export function formatNameFor(value: string): string | null {
  const match = Object.values(FILE_TYPES).find((type) => type.label.toLowerCase() === value.toLowerCase());
  return match?.label ?? null;
}

/**
 * The type a browser file most likely has, for suggesting tools before any
 * upload: the browser's own type when FileForge knows it, else the extension's.
 * Only a guess; the server sniffs the bytes on upload.
 */
export function guessMimeType(file: { name: string; type: string }): string | null {
  if (FILE_TYPES[file.type]) return file.type;
  const extension = file.name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0];
  const match = Object.entries(FILE_TYPES).find(([, type]) => extension && type.extensions.includes(extension));
  return match?.[0] ?? null;
}
