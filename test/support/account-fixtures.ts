import { createId } from "@paralleldrive/cuid2";
import { db } from "@/server/db";
import { createStorageKey } from "@/server/storage/create-storage-key";
import type { StorageDriver } from "@/server/storage/types";

const encode = (text: string) => new TextEncoder().encode(text);

async function storeFile(storage: StorageDriver, userId: string, input: { name: string; mimeType: string; bytes: Uint8Array; jobId?: string }) {
  const storageKey = createStorageKey();
  const stored = await storage.write(storageKey, input.bytes, { maxBytes: input.bytes.byteLength });
  return db.file.create({
    data: { userId, storageKey, name: input.name, size: stored.size, mimeType: input.mimeType, sha256: stored.sha256, jobId: input.jobId },
  });
}

/**
 * Everything an account can own, in the database and in storage: uploads
 * (two with the same name), a job with inputs and an output, a chat with
 * messages over a prepared document, usage events, an OAuth link and a session.
 */
export async function seedAccountWork(storage: StorageDriver, userId: string) {
  const upload = await storeFile(storage, userId, { name: "report.pdf", mimeType: "application/pdf", bytes: encode("%PDF-1.7 first report") });
  const again = await storeFile(storage, userId, { name: "report.pdf", mimeType: "application/pdf", bytes: encode("%PDF-1.7 second report") });
  const notes = await storeFile(storage, userId, { name: "notes.txt", mimeType: "text/plain", bytes: encode("plain notes ".repeat(200)) });
  const job = await db.job.create({
    data: {
      userId, tool: "pdf.merge", options: { order: "as given" }, status: "SUCCEEDED", progress: 100,
      inputs: { create: [{ position: 0, fileId: upload.id }, { position: 1, fileId: again.id }] },
    },
  });
  const output = await storeFile(storage, userId, { name: "merged.pdf", mimeType: "application/pdf", bytes: encode("%PDF-1.7 merged"), jobId: job.id });
  await db.document.create({
    data: { fileId: upload.id, status: "ready", pageCount: 1, chunks: { create: [{ position: 0, pageStart: 1, pageEnd: 1, text: "first report", embedding: [] }] } },
  });
  const chat = await db.chat.create({
    data: {
      userId, title: "About the report",
      files: { create: [{ fileId: upload.id }] },
      messages: {
        create: [
          { id: createId(), role: "user", parts: [{ type: "text", text: "What is in the report?" }] },
          { id: createId(), role: "assistant", parts: [{ type: "text", text: "The first report." }] },
        ],
      },
    },
  });
  await db.usageEvent.createMany({ data: [{ userId, kind: "upload-bytes", amount: 42 }, { userId, kind: "job", amount: 1 }] });
  await db.account.create({ data: { userId, type: "oauth", provider: "github", providerAccountId: `gh-${userId}` } });
  await db.session.create({ data: { userId, sessionToken: `session-${userId}`, expires: new Date(Date.now() + 3_600_000) } });
  return { files: [upload, again, notes, output], job, chat };
}

/**
 * Every row in any table of the schema whose text form mentions `needle`
 * (an id or an email), so a column added later is covered without editing
 * this helper. Prisma's own migration table is left out.
 */
export async function rowsMentioning(needle: string) {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  const found: { table: string; count: number }[] = [];
  for (const { tablename } of tables) {
    const quoted = `"${tablename.replace(/"/g, '""')}"`;
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM ${quoted} AS t WHERE strpos(t::text, $1) > 0`,
      needle,
    );
    if (row && row.count > 0) found.push({ table: tablename, count: row.count });
  }
  return found;
}
