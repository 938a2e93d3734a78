import { describe, expect, it } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { removeKeysWithoutFile } from "./remove-keys-without-file";

describe("removeKeysWithoutFile", () => {
  it("removes exactly the keys no File row points to, across several batches, and counts them", async () => {
    const kept = createStorageKey();
    await db.file.create({ data: { guestId: createGuestId(), storageKey: kept, name: "kept.txt", mimeType: "text/plain", size: 5, sha256: "0".repeat(64) } });
    // 450 strays: two full batches of 200 and a last one of 50, with the known key in the middle.
    const strays = Array.from({ length: 450 }, () => createStorageKey());
    const removed: string[] = [];
    const sweep = removeKeysWithoutFile(db, async (key) => void removed.push(key));
    for (const key of [...strays.slice(0, 300), kept, ...strays.slice(300)]) await sweep.add(key);
    expect(await sweep.finish()).toBe(450);
    expect(removed.sort()).toEqual([...strays].sort());
  });

  it("removes nothing when every key still has its file", async () => {
    const key = createStorageKey();
    await db.file.create({ data: { guestId: createGuestId(), storageKey: key, name: "a.txt", mimeType: "text/plain", size: 5, sha256: "0".repeat(64) } });
    const sweep = removeKeysWithoutFile(db, async () => {
      throw new Error("nothing should be removed");
    });
    await sweep.add(key);
    expect(await sweep.finish()).toBe(0);
  });
});
