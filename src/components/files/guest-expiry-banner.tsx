"use client";

import { useQuery } from "@tanstack/react-query";
import { Timer } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";
import { DeleteAllFilesDialog } from "./delete-all-files-dialog";
import { countUploadsAndResults } from "./describe-file-counts";
import { formatTimeLeft } from "./format-time-left";
import { useNow } from "./use-now";

type GuestExpiryBannerProps = {
  /** Files the page holds that `file.list` may not show yet: uploads (jobId null) and results. */
  sessionFiles: readonly { id: string; expiresAt: Date | null; jobId: string | null }[];
  prepareDelete: () => Promise<string[]>;
  onDeleted: () => void;
};

/** For guests, on tool and chat pages: when their files are deleted, counting down, and "Delete now". */
export function GuestExpiryBanner({ sessionFiles, prepareDelete, onDeleted }: GuestExpiryBannerProps) {
  const trpc = useTRPC();
  const now = useNow(10_000);
  // Only asks once the visitor has files (here or from an earlier visit, as server-rendered),
  // so merely opening a tool does not make the server issue a guest cookie.
  const files = useQuery({
    ...trpc.file.list.queryOptions(),
    enabled: (query) => sessionFiles.length > 0 || (query.state.data?.items.length ?? 0) > 0,
  });
  // Files the page holds that the list has not seen yet (a chat's new document,
  // known only by id): ask again, so the countdown uses their real expiry.
  const listed = new Set((files.data?.items ?? []).map((file) => file.id));
  const unlisted = sessionFiles.filter((file) => !listed.has(file.id) && file.expiresAt === null).map((file) => file.id).join(",");
  const { refetch } = files;
  useEffect(() => {
    if (unlisted) void refetch();
  }, [unlisted, refetch]);
  // The server's rows win: they carry the real expiry of files the page only knows by id.
  const byId = new Map([...sessionFiles, ...(files.data?.items ?? [])].map((file) => [file.id, file]));
  const expiries = [...byId.values()].flatMap((file) => (file.expiresAt ? [new Date(file.expiresAt).getTime()] : []));

  if (files.isLoading) return <Skeleton className="h-16 w-full rounded-xl" />;
  if (byId.size === 0) {
    return (
      <p className="rounded-xl border bg-muted/40 px-4 py-3 text-sm text-muted-foreground">
        You are using FileForge as a guest: files you upload are deleted 24 hours later.{" "}
        <Link href="/sign-up" className="font-medium text-foreground underline underline-offset-4">
          Sign up
        </Link>{" "}
        to keep them.
      </p>
    );
  }
  const earliest = expiries.length > 0 ? Math.min(...expiries) : null;
  const left = earliest !== null && now !== null ? formatTimeLeft(earliest - now) : null;
  return (
    <section aria-label="Guest files" className="flex flex-wrap items-center gap-x-4 gap-y-3 rounded-xl border bg-muted/40 px-4 py-3">
      <Timer className="size-5 shrink-0 text-primary" aria-hidden />
      <div className="min-w-[14rem] flex-1 text-sm">
        <p className="font-medium" data-testid="guest-countdown">
          {earliest === null || now === null ? "Your files are deleted 24 hours after upload." : left ? `Your files are deleted in ${left}` : "Your files have expired and are being deleted."}
        </p>
        <p className="text-muted-foreground">
          Guest files are not kept.{" "}
          <Link href="/sign-up" className="font-medium text-foreground underline underline-offset-4">
            Sign up
          </Link>{" "}
          to keep your work.
        </p>
      </div>
      <DeleteAllFilesDialog counts={countUploadsAndResults(byId.values())} prepare={prepareDelete} onDeleted={onDeleted} />
    </section>
  );
}
