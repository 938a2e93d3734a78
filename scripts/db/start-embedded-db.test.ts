import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedDbInUseError, findRunningEmbeddedDb, lockPathFor, startEmbeddedDb, type EmbeddedDb } from "./start-embedded-db";

describe("embedded PGlite server with several pg clients", () => {
  let db: EmbeddedDb;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await startEmbeddedDb();
    pool = new pg.Pool({ connectionString: db.url, max: 10 });
    await pool.query("CREATE TABLE item (id serial PRIMARY KEY, owner text NOT NULL)");
  });

  afterAll(async () => {
    await pool.end();
    await db.stop();
  });

  it("answers many concurrent parameterized queries, each with its own result", async () => {
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        i % 2 === 0
          ? pool.query<{ text: string }>("SELECT $1::text || '!' AS text", [`q${i}`]).then((r) => r.rows[0]?.text)
          : pool.query<{ n: number; m: number }>("SELECT $1::int AS n, $2::int AS m", [i, -i]).then((r) => `${r.rows[0]?.n}/${r.rows[0]?.m}`),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? `q${i}!` : `${i}/${-i}`)));
  });

  it("keeps transactions on one connection apart from queries on the others", async () => {
    // Before serializeWireSessions this mix failed with `portal "" does not exist`.
    async function transaction(i: number, commit: boolean) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("INSERT INTO item (owner) VALUES ($1)", [`tx${i}`]);
        const own = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE owner = $1", [`tx${i}`]);
        await new Promise((resolve) => setTimeout(resolve, 1));
        await client.query(commit ? "COMMIT" : "ROLLBACK");
        return own.rows[0]?.n;
      } finally {
        client.release();
      }
    }
    const work = Array.from({ length: 400 }, (_, i) =>
      i % 8 === 0
        ? transaction(i, i % 16 === 0)
        : pool.query<{ n: number }>("SELECT $1::int AS n", [i]).then((r) => r.rows[0]?.n),
    );
    const results = await Promise.all(work);

    expect(results).toEqual(Array.from({ length: 400 }, (_, i) => (i % 8 === 0 ? 1 : i)));
    const { rows } = await pool.query<{ owner: string }>("SELECT owner FROM item ORDER BY id");
    expect(rows.map((r) => r.owner).sort()).toEqual(
      Array.from({ length: 25 }, (_, k) => `tx${k * 16}`).sort(),
    );
  });

  it("makes other connections wait for an open transaction, then see its commit", async () => {
    const writer = await pool.connect();
    try {
      await writer.query("BEGIN");
      await writer.query("INSERT INTO item (owner) VALUES ('waiting')");
      let readerDone = false;
      const reader = pool
        .query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE owner = 'waiting'")
        .then((r) => {
          readerDone = true;
          return r.rows[0]?.n;
        });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(readerDone).toBe(false);
      await writer.query("COMMIT");
      expect(await reader).toBe(1);
    } finally {
      writer.release();
    }
  });

  it("rolls back the transaction of a client that disconnects, and serves the others", async () => {
    const leaver = new pg.Client({ connectionString: db.url });
    await leaver.connect();
    await leaver.query("BEGIN");
    await leaver.query("INSERT INTO item (owner) VALUES ('left')");
    await leaver.end();

    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE owner = 'left'");
    expect(rows[0]?.n).toBe(0);
  });

  it("has pgvector", async () => {
    await pool.query("CREATE EXTENSION IF NOT EXISTS vector");
    const { rows } = await pool.query<{ distance: number }>("SELECT '[1,2,3]'::vector <-> '[1,2,5]'::vector AS distance");
    expect(rows[0]?.distance).toBe(2);
  });
});

describe("embedded PGlite data directory lock", () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "fileforge-pglite-"));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("lets a second launcher find the running server instead of opening the directory", async () => {
    const dataDir = path.join(root, "pglite");
    const first = await startEmbeddedDb({ dataDir });
    try {
      const lock = JSON.parse(await readFile(lockPathFor(dataDir), "utf8")) as { pid: number; server: { port: number } };
      expect(lock.pid).toBe(process.pid);
      expect(lock.server.port).toBe(first.port);

      expect(await findRunningEmbeddedDb(dataDir)).toMatchObject({ url: first.url, port: first.port, pid: process.pid });
      await expect(startEmbeddedDb({ dataDir })).rejects.toBeInstanceOf(EmbeddedDbInUseError);

      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('persisted')");
      await client.end();
    } finally {
      await first.stop();
    }

    expect(await findRunningEmbeddedDb(dataDir)).toBeNull();
    const second = await startEmbeddedDb({ dataDir });
    try {
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      const { rows } = await client.query<{ value: string }>("SELECT value FROM kept");
      await client.end();
      expect(rows).toEqual([{ value: "persisted" }]);
    } finally {
      await second.stop();
    }
  });

  it("ignores a lock left by a process that no longer exists", async () => {
    const dataDir = path.join(root, "stale");
    // Far above any real pid (Linux caps them at 2^22).
    const stale = { pid: 2 ** 30, dataDir, startedAt: new Date(0).toISOString(), server: { host: "127.0.0.1", port: 1, url: "postgresql://postgres@127.0.0.1:1/postgres" } };
    await writeFile(lockPathFor(dataDir), JSON.stringify(stale));

    expect(await findRunningEmbeddedDb(dataDir)).toBeNull();
    await writeFile(lockPathFor(dataDir), JSON.stringify(stale));
    const db = await startEmbeddedDb({ dataDir });
    try {
      expect(await findRunningEmbeddedDb(dataDir)).toMatchObject({ url: db.url });
    } finally {
      await db.stop();
    }
  });
});
