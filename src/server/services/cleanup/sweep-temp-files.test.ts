import { mkdir, mkdtemp, readdir, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sweepTempFiles, tempPlaces } from "./sweep-temp-files";

describe("sweepTempFiles", () => {
  it("removes .part files and job directories older than an hour, and nothing else", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sweep-temp-"));
    const partsDir = path.join(root, ".tmp");
    const jobsDir = path.join(root, "system-tmp");
    await mkdir(partsDir);
    await mkdir(path.join(jobsDir, "fileforge-job-old", "out"), { recursive: true });
    await mkdir(path.join(jobsDir, "fileforge-job-new"));
    await mkdir(path.join(jobsDir, "someone-elses-dir"));
    await writeFile(path.join(partsDir, "old.part"), "half");
    await writeFile(path.join(partsDir, "new.part"), "in flight");
    await writeFile(path.join(partsDir, "notes.txt"), "not ours");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const entry of [path.join(partsDir, "old.part"), path.join(partsDir, "notes.txt"), path.join(jobsDir, "fileforge-job-old"), path.join(jobsDir, "someone-elses-dir")]) {
      await utimes(entry, twoHoursAgo, twoHoursAgo);
    }

    const { deletedTempEntries } = await sweepTempFiles([
      { dir: partsDir, matches: (name) => name.endsWith(".part") },
      { dir: jobsDir, matches: (name) => name.startsWith("fileforge-job-") },
      { dir: path.join(root, "missing"), matches: () => true },
    ]);
    expect(deletedTempEntries).toBe(2);
    expect((await readdir(partsDir)).sort()).toEqual(["new.part", "notes.txt"]);
    expect((await readdir(jobsDir)).sort()).toEqual(["fileforge-job-new", "someone-elses-dir"]);
  });

  it("covers the tool workers' job directories and spooled UploadThing uploads in the system temp directory", () => {
    const systemTemp = tempPlaces().find((place) => place.dir === tmpdir());
    expect(["fileforge-job-1a2b", "fileforge-spool-1a2b", "fileforge-e2e-x", "other"].filter((name) => systemTemp?.matches(name))).toEqual([
      "fileforge-job-1a2b",
      "fileforge-spool-1a2b",
    ]);
  });
});
