// Lock file beside a PGlite data directory. Only one process may ever open a
// PGlite directory (a second opener corrupts it), while the dev server, build
// workers, migration scripts and tests are separate processes. The process
// that opens the directory records its pid and port here; every other process
// connects to that port instead of opening the directory.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile, link, rename } from "node:fs/promises";
import { rmSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";

export interface EmbeddedDbLock {
  pid: number;
  dataDir: string;
  startedAt: string;
  /** Absent while the owner is still opening the directory. */
  server?: { host: string; port: number; url: string };
}

export interface RunningEmbeddedDb {
  pid: number;
  host: string;
  port: number;
  url: string;
}

export class EmbeddedDbInUseError extends Error {
  constructor(readonly lock: EmbeddedDbLock) {
    const where = lock.server ? ` and serves it at ${lock.server.url}` : " (still starting)";
    super(`PGlite directory ${lock.dataDir} is open in process ${lock.pid}${where}; connect to it instead of opening it again.`);
    this.name = "EmbeddedDbInUseError";
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock.json`;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readLock(lockPath: string): Promise<EmbeddedDbLock | null> {
  try {
    return JSON.parse(await readFile(lockPath, "utf8")) as EmbeddedDbLock;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

// Write to a temporary file first so readers never see half a lock.
async function writeTemp(lockPath: string, lock: EmbeddedDbLock): Promise<string> {
  const temp = `${lockPath}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, `${JSON.stringify(lock, null, 2)}\n`);
  return temp;
}

/** Claims the directory for this process, or throws EmbeddedDbInUseError. */
export async function claimEmbeddedDbLock(dataDir: string): Promise<void> {
  const lockPath = lockPathFor(dataDir);
  await mkdir(path.dirname(lockPath), { recursive: true });
  const lock: EmbeddedDbLock = { pid: process.pid, dataDir: path.resolve(dataDir), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    const temp = await writeTemp(lockPath, lock);
    try {
      await link(temp, lockPath); // atomic: fails with EEXIST if anyone holds it
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = await readLock(lockPath);
      if (holder && isProcessAlive(holder.pid)) throw new EmbeddedDbInUseError(holder);
      await rm(lockPath, { force: true }); // left by a process that died
    } finally {
      await rm(temp, { force: true });
    }
  }
  throw new Error(`Could not claim ${lockPath}; remove it if no process uses ${dataDir}.`);
}

export async function publishEmbeddedDbServer(dataDir: string, server: NonNullable<EmbeddedDbLock["server"]>): Promise<void> {
  const lockPath = lockPathFor(dataDir);
  const current = await readLock(lockPath);
  if (current?.pid !== process.pid) throw new Error(`Lost the lock ${lockPath} while starting.`);
  await rename(await writeTemp(lockPath, { ...current, server }), lockPath);
}

export async function releaseEmbeddedDbLock(dataDir: string): Promise<void> {
  const lockPath = lockPathFor(dataDir);
  if ((await readLock(lockPath))?.pid === process.pid) await rm(lockPath, { force: true });
}

/** For a process 'exit' hook, where only synchronous work runs. */
export function releaseEmbeddedDbLockSync(dataDir: string): void {
  rmSync(lockPathFor(dataDir), { force: true });
}

function acceptsConnections(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * The server another process runs for `dataDir`, or null when none does.
 * Waits up to `waitMs` for an owner that is still opening the directory.
 */
export async function findRunningEmbeddedDb(dataDir: string, { waitMs = 30_000 } = {}): Promise<RunningEmbeddedDb | null> {
  const lockPath = lockPathFor(dataDir);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const lock = await readLock(lockPath);
    if (!lock) return null;
    if (!isProcessAlive(lock.pid)) {
      await rm(lockPath, { force: true });
      return null;
    }
    if (lock.server && (await acceptsConnections(lock.server.host, lock.server.port))) {
      return { pid: lock.pid, ...lock.server };
    }
    if (Date.now() > deadline) throw new EmbeddedDbInUseError(lock);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
