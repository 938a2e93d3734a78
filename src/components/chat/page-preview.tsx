"use client";

import { ChevronLeft, ChevronRight, Loader2, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PreviewTarget } from "./chat-types";

type PagePreviewProps = { target: PreviewTarget; pageCount: number | null; onNavigate: (page: number) => void; onClose: () => void };

/**
 * The cited page, drawn by GET /api/files/:id/pages/:page. Focus moves to the
 * panel's heading when a citation opens it, so keyboard and screen-reader users
 * land on the page they asked for; Escape closes it.
 */
export function PagePreview({ target, pageCount, onNavigate, onClose }: PagePreviewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<{ src: string; status: "loading" | "loaded" | "error" } | null>(null);
  const src = `/api/files/${encodeURIComponent(target.fileId)}/pages/${target.page}`;
  const status = state?.src === src ? state.status : "loading";

  useEffect(() => {
    headingRef.current?.focus();
  }, [target.fileId, target.page]);

  return (
    <section
      aria-labelledby="page-preview-title"
      className="grid content-start gap-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <div className="flex items-center gap-2">
        <h2 id="page-preview-title" ref={headingRef} tabIndex={-1} className="min-w-0 flex-1 truncate text-sm font-semibold outline-none">
          {target.fileName} · page {target.page}
          {pageCount ? ` of ${pageCount}` : ""}
        </h2>
        <Button variant="ghost" size="icon" className="size-8" disabled={target.page <= 1} onClick={() => onNavigate(target.page - 1)} aria-label="Previous page">
          <ChevronLeft aria-hidden />
        </Button>
        <Button variant="ghost" size="icon" className="size-8" disabled={pageCount !== null && target.page >= pageCount} onClick={() => onNavigate(target.page + 1)} aria-label="Next page">
          <ChevronRight aria-hidden />
        </Button>
        <Button variant="ghost" size="icon" className="size-8" onClick={onClose} aria-label="Close the page preview">
          <X aria-hidden />
        </Button>
      </div>
      <div className="relative min-h-64 overflow-hidden rounded-lg border bg-white">
        {status === "loading" ? (
          <p className="absolute inset-0 flex items-center justify-center gap-2 text-sm text-muted-foreground" role="status">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Loading page {target.page}…
          </p>
        ) : null}
        {status === "error" ? (
          <Alert variant="destructive" className="m-3 w-auto">
            <AlertDescription>Page {target.page} could not be shown. The file may have expired or been deleted.</AlertDescription>
          </Alert>
        ) : null}
        {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-user rendering: nothing for the image optimizer to cache */}
        <img
          key={src}
          src={src}
          alt={`Page ${target.page} of ${target.fileName}`}
          className={status === "loaded" ? "block h-auto w-full" : "invisible h-0"}
          onLoad={() => setState({ src, status: "loaded" })}
          onError={() => setState({ src, status: "error" })}
        />
      </div>
    </section>
  );
}
