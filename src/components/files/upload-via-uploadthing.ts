import { genUploader } from "uploadthing/client";
import type { UploadRouter } from "@/app/api/uploadthing/upload-router";

const { uploadFiles } = genUploader<UploadRouter>({ url: "/api/uploadthing" });

type UploadedFile = { id: string; name: string; size: number; mimeType: string; expiresAt: Date | null };

/**
 * Sends one file straight to UploadThing (when the server stores files
 * there), so large files never pass through our server. The server's route
 * checks limits before and type after; its message comes back as the error.
 */
export async function uploadViaUploadThing(
  file: File,
  opts: { onProgress: (percent: number) => void; signal: AbortSignal },
): Promise<UploadedFile> {
  const [result] = await uploadFiles("files", {
    files: [file],
    signal: opts.signal,
    onUploadProgress: ({ progress }) => opts.onProgress(Math.round(progress)),
  });
  const data = result?.serverData;
  if (!data) throw new Error("The upload finished without a file record. Try again.");
  return { ...data, expiresAt: data.expiresAt ? new Date(data.expiresAt) : null };
}
