import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { StorageNotFoundError, type StorageDriver } from "@/server/storage/types";
import { type AccountData, collectAccountData } from "./collect-account-data";
import { bytesSource, streamZip, type ZipSource } from "./stream-zip";

// fflate writes no ZIP64: offsets and sizes must stay below 4 GiB.
export const MAX_EXPORT_BYTES = 4_000_000_000;

const DEFLATE_TYPES = /^(text\/|application\/(json|xml|xhtml\+xml|javascript)|image\/svg\+xml)/;

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** "report.pdf", "report.pdf" → "report.pdf", "report (2).pdf": archive paths must be unique. */
function uniqueName(name: string, taken: Set<string>): string {
  const safe = name.replace(/[/\\]/g, "_");
  const dot = safe.lastIndexOf(".");
  const [stem, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ""];
  let candidate = safe;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

async function* sources(data: AccountData, storage: StorageDriver): AsyncGenerator<ZipSource> {
  yield bytesSource("account.json", json(data.account));
  yield bytesSource("jobs.json", json(data.jobs));
  yield bytesSource("chats.json", json(data.chats));
  const taken = new Set<string>();
  const index = [];
  for (const { storageKey, ...file } of data.files) {
    const path = `files/${uniqueName(file.name, taken)}`;
    // Opened before the entry is added, so an object already gone is listed as missing, not a broken entry.
    const stream = await storage.read(storageKey).catch((error: unknown) => {
      if (error instanceof StorageNotFoundError) return null;
      throw error;
    });
    index.push({ ...file, path: stream ? path : null, missing: stream === null });
    if (stream) yield { name: path, compress: DEFLATE_TYPES.test(file.mimeType), open: async () => stream };
  }
  // Last, so it can say which objects were missing from storage.
  yield bytesSource("files.json", json(index));
}

/**
 * The signed-in user's data as a zip stream: every stored file under
 * `files/`, plus account.json, files.json, jobs.json and chats.json (with
 * messages). Guests and visitors are refused: a guest's files are a download
 * away and expire within a day.
 */
export async function exportAccountData(db: DbTx, storage: StorageDriver, actor: Actor | null) {
  if (actor?.kind !== "user") throw new AppError("UNAUTHORIZED", "Sign in to export your data.");
  const data = await collectAccountData(db, actor.userId);
  if (!data) throw new AppError("UNAUTHORIZED", "Sign in to export your data.");
  const total = data.files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_EXPORT_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", "Your files add up to more than 4 GB, more than one export can hold. Download large files one by one, or delete some, then export again.");
  }
  const date = new Date().toISOString().slice(0, 10);
  return { fileName: `fileforge-export-${date}.zip`, body: streamZip(sources(data, storage)) };
}
