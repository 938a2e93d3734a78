"use client";

import { File, FileArchive, FileImage, FileText } from "lucide-react";
import Image from "next/image";
import { useState } from "react";
import { thumbnailHref } from "../dashboard-types";

function TypeIcon({ mimeType }: { mimeType: string }) {
  const className = "size-5 text-muted-foreground";
  if (mimeType.startsWith("image/")) return <FileImage className={className} aria-hidden />;
  if (mimeType === "application/pdf" || mimeType.startsWith("text/")) return <FileText className={className} aria-hidden />;
  if (mimeType === "application/zip") return <FileArchive className={className} aria-hidden />;
  return <File className={className} aria-hidden />;
}

const hasPreview = (mimeType: string) => mimeType === "application/pdf" || mimeType.startsWith("image/");

/**
 * A 40 px preview from the thumbnail route, or the type's icon when the file
 * has none or it fails to load. Decorative: the row names the file.
 */
export function FileThumbnail({ id, mimeType }: { id: string; mimeType: string }) {
  const [failed, setFailed] = useState(false);
  if (!hasPreview(mimeType) || failed) {
    return (
      <span className="flex size-10 items-center justify-center rounded-md border bg-muted/50">
        <TypeIcon mimeType={mimeType} />
      </span>
    );
  }
  return (
    // unoptimized: the route is already a small WebP, and Next's optimizer would fetch it without the owner's cookies.
    <Image
      src={thumbnailHref(id)}
      alt=""
      width={40}
      height={40}
      unoptimized
      loading="lazy"
      className="size-10 rounded-md border bg-white object-contain"
      onError={() => setFailed(true)}
    />
  );
}
