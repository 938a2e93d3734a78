import "server-only";

// What people call these, where the file's extension alone would not say it.
const KNOWN: Record<string, string> = {
  exe: "a Windows program (EXE)",
  elf: "a Linux program (ELF)",
  macho: "a macOS program",
  zip: "a ZIP archive",
  rar: "a RAR archive",
  "7z": "a 7-Zip archive",
  gz: "a gzip archive",
  tar: "a TAR archive",
  docx: "a Word document (DOCX)",
  xlsx: "an Excel spreadsheet (XLSX)",
  pptx: "a PowerPoint presentation (PPTX)",
};

const KIND_BY_TOP_LEVEL: Record<string, string> = { image: "image", video: "video", audio: "audio file", font: "font" };

/** "an MP4 video", "a BMP image": what a sniffed file is, for a refusal a person can act on. */
export function describeDetectedType(detected: { ext: string; mime: string }): string {
  const known = KNOWN[detected.ext];
  if (known) return known;
  const name = detected.ext.toUpperCase();
  const kind = KIND_BY_TOP_LEVEL[detected.mime.split("/")[0] ?? ""] ?? "file";
  // Letters whose name starts with a vowel sound: "an MP3", "an SVG", "a BMP".
  const article = /^[AEFHILMNORSX]/.test(name) ? "an" : "a";
  return `${article} ${name} ${kind}`;
}
