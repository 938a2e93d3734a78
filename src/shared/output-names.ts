/** "photo.PNG" → "photo.webp"; a name with no usable stem becomes "file.webp". */
export function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf(".");
  const stem = (dot >= 0 ? name.slice(0, dot) : name).trim();
  return `${stem || "file"}.${extension}`;
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
