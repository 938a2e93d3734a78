import { createId } from "@paralleldrive/cuid2";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { getStorage } from "@/server/storage";
import { callerFor, createTestUser } from "~/test/support/callers";

type Seed = { name: string; mimeType: string; size: number; minutesAgo: number };

/** Files straight in the database for one owner, with controlled dates, sizes and types. */
async function seedFiles(owner: { userId: string } | { guestId: string }, seeds: Seed[]) {
  const now = Date.now();
  const rows = [];
  for (const seed of seeds) {
    rows.push(
      await db.file.create({
        data: {
          ...owner,
          storageKey: createStorageKey(),
          name: seed.name,
          mimeType: seed.mimeType,
          size: seed.size,
          sha256: "x",
          createdAt: new Date(now - seed.minutesAgo * 60_000),
        },
      }),
    );
  }
  return rows;
}

const library: Seed[] = [
  { name: "Report 2024.pdf", mimeType: "application/pdf", size: 5_000, minutesAgo: 1 },
  { name: "holiday.png", mimeType: "image/png", size: 90_000, minutesAgo: 2 },
  { name: "notes.txt", mimeType: "text/plain", size: 300, minutesAgo: 3 },
  { name: "batch.zip", mimeType: "application/zip", size: 40_000, minutesAgo: 4 },
  { name: "annual REPORT.pdf", mimeType: "application/pdf", size: 12_000, minutesAgo: 5 },
  { name: "scan.jpg", mimeType: "image/jpeg", size: 700, minutesAgo: 6 },
];

async function userWithLibrary() {
  const user = await createTestUser();
  await seedFiles({ userId: user.id }, library);
  // Someone else's report: must never show up in this user's lists.
  await seedFiles({ userId: (await createTestUser()).id }, [{ name: "report.pdf", mimeType: "application/pdf", size: 1, minutesAgo: 0 }]);
  return callerFor({ sessionUserId: user.id }).caller;
}

describe("file.list", () => {
  it("lists newest first with the total when called as before (no input)", async () => {
    const caller = await userWithLibrary();
    const page = await caller.file.list();
    expect(page.items.map((file) => file.name)).toEqual(library.map((seed) => seed.name));
    expect(page).toMatchObject({ total: 6, nextCursor: null });
  });

  it("searches names case-insensitively and filters by kind", async () => {
    const caller = await userWithLibrary();
    const names = async (input: Parameters<typeof caller.file.list>[0]) => (await caller.file.list(input)).items.map((file) => file.name);
    expect(await names({ search: "report" })).toEqual(["Report 2024.pdf", "annual REPORT.pdf"]);
    expect(await names({ type: "image" })).toEqual(["holiday.png", "scan.jpg"]);
    expect(await names({ type: "text" })).toEqual(["notes.txt"]);
    expect(await names({ type: "other" })).toEqual(["batch.zip"]);
    expect(await names({ type: "pdf", search: "annual" })).toEqual(["annual REPORT.pdf"]);
    // LIKE wildcards in the search are plain characters.
    expect(await names({ search: "%" })).toEqual([]);
    expect(await names({ search: "_" })).toEqual([]);
    expect((await caller.file.list({ type: "pdf" })).total).toBe(2);
  });

  it("sorts by name, size and date in either direction", async () => {
    const caller = await userWithLibrary();
    const names = async (sort: "name" | "size" | "createdAt", direction?: "asc" | "desc") =>
      (await caller.file.list({ sort, direction })).items.map((file) => file.name);
    expect((await names("size")).at(0)).toBe("holiday.png");
    expect(await names("size", "asc")).toEqual(["notes.txt", "scan.jpg", "Report 2024.pdf", "annual REPORT.pdf", "batch.zip", "holiday.png"]);
    expect(await names("createdAt", "asc")).toEqual([...library].reverse().map((seed) => seed.name));
    const byName = await names("name");
    expect([...byName].sort()).toEqual(library.map((seed) => seed.name).sort());
    // Where "Report" falls depends on the database's collation; names starting in lower case are A–Z in any.
    expect(byName.filter((name) => /^[a-z]/.test(name))).toEqual(["annual REPORT.pdf", "batch.zip", "holiday.png", "notes.txt", "scan.jpg"]);
    expect(await names("name", "desc")).toEqual([...byName].reverse());
  });

  it("pages through a sort with keyset cursors, even after the cursor's file is deleted", async () => {
    const caller = await userWithLibrary();
    const first = await caller.file.list({ sort: "size", direction: "asc", limit: 2 });
    expect(first.items.map((file) => file.name)).toEqual(["notes.txt", "scan.jpg"]);
    expect(first.total).toBe(6);
    await caller.file.delete({ id: first.items[1]?.id ?? "" });
    const second = await caller.file.list({ sort: "size", direction: "asc", limit: 2, cursor: first.nextCursor });
    expect(second.items.map((file) => file.name)).toEqual(["Report 2024.pdf", "annual REPORT.pdf"]);
    const third = await caller.file.list({ sort: "size", direction: "asc", limit: 2, cursor: second.nextCursor });
    expect(third.items.map((file) => file.name)).toEqual(["batch.zip", "holiday.png"]);
    expect(third.nextCursor).toBeNull();
  });

  it("refuses a cursor made for another order with a readable BAD_REQUEST", async () => {
    const caller = await userWithLibrary();
    const { nextCursor } = await caller.file.list({ sort: "size", limit: 2 });
    const error = await caller.file.list({ sort: "name", limit: 2, cursor: nextCursor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/out of date/);
  });
});

describe("file.deleteMany", () => {
  it("deletes only the caller's files, with their bytes, and says how many", async () => {
    const storage = getStorage();
    const guestId = createGuestId();
    const otherGuest = createGuestId();
    const mine = await seedFiles({ guestId }, library.slice(0, 3));
    const [theirs] = await seedFiles({ guestId: otherGuest }, library.slice(0, 1));
    for (const file of [...mine, theirs]) if (file) await storage.write(file.storageKey, new Uint8Array([1, 2, 3]), { maxBytes: 10 });

    const { caller } = callerFor({ guestId });
    const ids = [mine[0]?.id ?? "", mine[1]?.id ?? "", theirs?.id ?? "", `missing-${createId()}`];
    expect(await caller.file.deleteMany({ ids })).toEqual({ count: 2 });

    expect((await caller.file.list()).items.map((file) => file.name)).toEqual([library[2]?.name]);
    expect(await db.file.count({ where: { id: theirs?.id } })).toBe(1);
    expect(await storage.stat(theirs?.storageKey ?? "")).not.toBeNull();
    expect(await storage.stat(mine[0]?.storageKey ?? "")).toBeNull();
    // Someone else's ids alone delete nothing and reveal nothing.
    expect(await callerFor({ guestId: otherGuest }).caller.file.deleteMany({ ids: [mine[2]?.id ?? ""] })).toEqual({ count: 0 });
  });
});
