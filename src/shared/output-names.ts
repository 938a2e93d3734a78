// Names come from people and other systems: "C:\\fakepath\\report.pdf",
// "../../etc/passwd", 300 characters of emoji, "scan" with no extension.
// Outputs must be safe to save anywhere, so everything goes through these.

// Never in a file name: path separators, characters Windows refuses, and control characters.
const UNSAFE = /[/\\<>:"|?*\u0000-\u001f\u007f]/g;
// Room for " (12)" from the allocator and a long extension inside the 255 bytes most disks allow.
const MAX_STEM_BYTES = 180;

function lastSegment(name: string): string {
  return name.split(/[/\\]/).at(-1) ?? "";
}

/** Cuts to a byte budget on a code point boundary, so no character is split. */
function fitBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let fitted = "";
  let bytes = 0;
  for (const char of text) {
    bytes += encoder.encode(char).length;
    if (bytes > maxBytes) break;
    fitted += char;
  }
  return fitted;
}

/** The input's name without folders and extension, made safe: "C:\\x\\report.final.pdf" → "report.final". */
export function nameStem(name: string): string {
  const base = lastSegment(name.normalize("NFC"));
  const dot = base.lastIndexOf(".");
  const stem = (dot >= 0 ? base.slice(0, dot) : base).replace(UNSAFE, "_");
  // Leading dots would hide the file on Unix; trailing dots and spaces vanish on Windows.
  const trimmed = fitBytes(stem.replace(/^[\s.]+/, ""), MAX_STEM_BYTES).replace(/[\s.]+$/, "");
  return trimmed || "file";
}

/** The input's extension, lower case and without the dot ("Photo.JPG" → "jpg"), or "" when it has none. */
export function nameExtension(name: string): string {
  const base = lastSegment(name);
  const dot = base.lastIndexOf(".");
  const extension = dot >= 0 ? base.slice(dot + 1).toLowerCase() : "";
  return /^[a-z0-9]{1,10}$/.test(extension) ? extension : "";
}

/** "photo.PNG" → "photo.webp"; a name with no usable stem becomes "file.webp". */
export function withExtension(name: string, extension: string): string {
  return `${nameStem(name)}.${extension}`;
}

/**
 * What a tool calls its result: `<input stem>-<what it did>.<extension>`, e.g.
 * "report-ocr.pdf", "photo-resized.png", "report-pages-1-3.pdf". The extension
 * defaults to the input's own.
 */
export function outputName(inputName: string, suffix: string, extension: string = nameExtension(inputName)): string {
  const stem = `${nameStem(inputName)}-${suffix}`;
  return extension ? `${stem}.${extension}` : stem;
}

/**
 * Hands out names no other output of the same run has: "photo.webp", then
 * "photo (2).webp". Compared without case, because the outputs often end up
 * side by side in a zip or a folder on a case-insensitive disk.
 */
// Zip libraries keep entries in plain objects keyed by name (fflate copies
// them into `{}` whatever we pass), where "__proto__" would set the
// object's prototype instead of adding an entry: the file would vanish.
const RESERVED_KEY = /^__proto__(\.|$)/i;

export function createNameAllocator(): (wanted: string) => string {
  const taken = new Set<string>();
  return (requested) => {
    const wanted = requested.replace(RESERVED_KEY, "proto$1");
    const dot = wanted.lastIndexOf(".");
    const stem = dot > 0 ? wanted.slice(0, dot) : wanted;
    const extension = dot > 0 ? wanted.slice(dot) : "";
    let name = wanted;
    for (let copy = 2; taken.has(name.toLowerCase()); copy += 1) name = `${stem} (${copy})${extension}`;
    taken.add(name.toLowerCase());
    return name;
  };
}
