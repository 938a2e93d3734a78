import "server-only";

// Display names come from browsers and are hostile until cleaned: no path
// parts, no control or bidi-override characters (which can disguise
// "exe.pdf" as "fdp.exe"), bounded length, never empty.
// By Unicode category, so none is missed: Cc (controls), Cf (format: bidi
// marks and overrides, isolates, zero-width characters, soft hyphen, the
// Arabic letter mark, tag characters), Cs (lone surrogates, which no file
// system or header can carry), and the line and paragraph separators.
const CONTROL = /[\p{Cc}\p{Cs}]/gu;
const BIDI_AND_INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/gu;
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
