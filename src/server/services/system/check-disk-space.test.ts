import { mkdirSync, statfsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { assertDiskSpace, checkDiskSpace, setFreeSpaceProbe, statfsFreeBytes } from "./check-disk-space";

const MB = 1024 * 1024;

afterEach(() => setFreeSpaceProbe(null));

describe("checkDiskSpace", () => {
  it("measures the data volume with statfs, also before DATA_DIR's subdirectories exist", async () => {
    mkdirSync(env.DATA_DIR, { recursive: true });
    const total = (() => {
      const stats = statfsSync(env.DATA_DIR);
      return stats.blocks * stats.bsize;
    })();
    const free = await statfsFreeBytes(env.DATA_DIR);
    expect(free).toBeGreaterThan(0);
    expect(free).toBeLessThanOrEqual(total);
    // Not created yet: measured on the nearest existing parent, the same volume.
    const notYet = await statfsFreeBytes(path.join(env.DATA_DIR, "not", "created", "yet"));
    expect(notYet).toBeGreaterThan(0);
    expect(notYet).toBeLessThanOrEqual(total);

    const report = await checkDiskSpace();
    expect(report.minFreeBytes).toBe(1024 * MB); // MIN_FREE_DISK_MB's default
    expect(report.freeBytes).toBeGreaterThan(0);
    expect(report.ok).toBe((report.freeBytes ?? 0) >= report.minFreeBytes);
  });

  it("refuses new work with a readable 507 under the floor, and accepts it at the floor", async () => {
    setFreeSpaceProbe(() => Promise.resolve(1024 * MB - 1));
    expect(await checkDiskSpace()).toEqual({ ok: false, freeBytes: 1024 * MB - 1, minFreeBytes: 1024 * MB });
    const error = await assertDiskSpace().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).httpStatus).toBe(507);
    expect((error as AppError).message).toMatch(/^The server is out of disk space.*already have can still be downloaded/);

    setFreeSpaceProbe(() => Promise.resolve(1024 * MB));
    expect((await checkDiskSpace()).ok).toBe(true);
    await expect(assertDiskSpace()).resolves.toBeUndefined();
  });

  it("asks the volume once for a burst of requests", async () => {
    let probes = 0;
    setFreeSpaceProbe(() => {
      probes += 1;
      return Promise.resolve(50 * 1024 * MB);
    });
    const reports = await Promise.all(Array.from({ length: 20 }, () => checkDiskSpace()));
    expect(reports.every((report) => report.ok && report.freeBytes === 50 * 1024 * MB)).toBe(true);
    expect(probes).toBe(1);
  });

  it("refuses nothing when the volume cannot be measured", async () => {
    setFreeSpaceProbe(() => Promise.reject(new Error("EACCES: permission denied")));
    const report = await checkDiskSpace();
    expect(report).toMatchObject({ ok: true, freeBytes: null, error: "EACCES: permission denied" });
    await expect(assertDiskSpace()).resolves.toBeUndefined();
  });
});
