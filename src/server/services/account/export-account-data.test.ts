import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createGuestId } from "@/server/auth/guest-cookie";
import { seedAccountWork } from "~/test/support/account-fixtures";
import { createTestUser } from "~/test/support/callers";
import { setupTempStorage } from "~/test/support/temp-storage";
import { exportAccountData } from "./export-account-data";

async function collect(body: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const readJson = (entries: Record<string, Uint8Array>, name: string) => JSON.parse(text(entries[name])) as unknown;

describe("exportAccountData", () => {
  const { storage } = setupTempStorage();

  it("zips every file's bytes under unique names, plus account, files, jobs and chats JSON", async () => {
    const user = await createTestUser({ password: "a password" });
    const { files, job, chat } = await seedAccountWork(storage, user.id);
    const other = await createTestUser();
    await seedAccountWork(storage, other.id);

    const { fileName, body } = await exportAccountData(db, storage, { kind: "user", userId: user.id, role: "USER", email: user.email, name: user.name });
    expect(fileName).toMatch(/^fileforge-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = unzipSync(await collect(body));

    expect(Object.keys(entries).sort()).toEqual([
      "account.json", "chats.json", "files.json",
      "files/merged.pdf", "files/notes.txt", "files/report (2).pdf", "files/report.pdf", "jobs.json",
    ]);
    // Which of the two report.pdf files gets "(2)" follows upload order; files.json says which is which.
    const index = readJson(entries, "files.json") as { id: string; path: string | null; missing: boolean }[];
    expect(index).toHaveLength(4);
    for (const file of files) {
      const path = index.find((entry) => entry.id === file.id)?.path ?? "";
      expect(text(entries[path])).toBe(text(await storage.readBytes(file.storageKey)));
    }
    expect(JSON.stringify(index)).not.toContain(files[0]?.storageKey);
    expect(readJson(entries, "account.json")).toMatchObject({ id: user.id, email: user.email, hasPassword: true, connectedAccounts: [{ provider: "github" }] });
    expect(text(entries["account.json"])).not.toContain("argon2");
    expect(readJson(entries, "jobs.json")).toMatchObject([
      { id: job.id, tool: "pdf.merge", status: "SUCCEEDED", inputs: [{ position: 0, name: "report.pdf" }, { position: 1 }], outputs: [{ name: "merged.pdf" }] },
    ]);
    expect(readJson(entries, "chats.json")).toMatchObject([
      {
        id: chat.id, title: "About the report", files: [{ name: "report.pdf" }],
        // Both seeded in one insert, so they share a timestamp: order is not the point here.
        messages: expect.arrayContaining([
          expect.objectContaining({ role: "user", parts: [{ type: "text", text: "What is in the report?" }] }),
          expect.objectContaining({ role: "assistant", parts: [{ type: "text", text: "The first report." }] }),
        ]),
      },
    ]);
  });

  it("lists an object missing from storage instead of failing the export", async () => {
    const user = await createTestUser();
    const { files } = await seedAccountWork(storage, user.id);
    await storage.delete(files[2]?.storageKey ?? "");
    const { body } = await exportAccountData(db, storage, { kind: "user", userId: user.id, role: "USER", email: user.email, name: user.name });
    const entries = unzipSync(await collect(body));
    expect(entries["files/notes.txt"]).toBeUndefined();
    expect(readJson(entries, "files.json")).toContainEqual(expect.objectContaining({ name: "notes.txt", path: null, missing: true }));
  });

  it("refuses guests and visitors", async () => {
    for (const actor of [null, { kind: "guest" as const, guestId: createGuestId(), role: "GUEST" as const }]) {
      const error = await exportAccountData(db, storage, actor).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "UNAUTHORIZED", message: "Sign in to export your data." });
    }
  });
});
