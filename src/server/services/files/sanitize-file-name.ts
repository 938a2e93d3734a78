// Display names come from browsers and are hostile until cleaned: no path
// parts, no control or bidi-override characters (which can disguise
// "exe.pdf" as "fdp.exe"), bounded length, never empty.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI_AND_INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MAX_LENGTH = 180;

export function sanitizeFileName(raw: string | undefined | null, fallback = "file"): string {
  const base = (raw ?? "").split(/[/\\]/).pop() ?? "";
  let name = base.normalize("NFC").replace(CONTROL, "").replace(BIDI_AND_INVISIBLE, "").replace(/\s+/g, " ").trim();
  // Leading dots would make hidden files on download; strip them.
  name = name.replace(/^\.+/, "").trim();
  if (!name) return fallback;
  if (name.length <= MAX_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  return `${name.slice(0, MAX_LENGTH - extension.length).trimEnd()}${extension}`;
}

/** A Content-Disposition value that is safe for any name (RFC 6266 + RFC 5987). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
