import { File, FileArchive, FileBraces, FileImage, FileText, FileType } from "lucide-react";

export type FileKind = "image" | "pdf" | "archive" | "data" | "text" | "other";

// By MIME family, so a list of uploads and results shows at a glance which is
// the PDF, which the photo and which the zip of pages.
export function fileKindOf(mimeType: string): FileKind {
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType === "application/pdf") return "pdf";
  if (mimeType === "application/zip") return "archive";
  if (mimeType === "application/json") return "data";
  if (mimeType.startsWith("text/")) return "text";
  return "other";
}

const ICONS = { image: FileImage, pdf: FileType, archive: FileArchive, data: FileBraces, text: FileText, other: File } as const;

/** The icon for a file of this type; decorative, the name and type label say the same in words. */
export function FileTypeIcon({ mimeType, className }: { mimeType: string; className?: string }) {
  const kind = fileKindOf(mimeType);
  const props = { className, "aria-hidden": true, "data-file-kind": kind };
  switch (kind) {
    case "image":
      return <ICONS.image {...props} />;
    case "pdf":
      return <ICONS.pdf {...props} />;
    case "archive":
      return <ICONS.archive {...props} />;
    case "data":
      return <ICONS.data {...props} />;
    case "text":
      return <ICONS.text {...props} />;
    default:
      return <ICONS.other {...props} />;
  }
}
