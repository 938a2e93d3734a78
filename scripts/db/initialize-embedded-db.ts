// The first start on an empty PGlite directory runs initdb and every
// migration. That work grows PGlite's WASM memory to about 600 MB, and WASM
// memory never shrinks: the launcher, which hosts the database for the app's
// whole life, would keep it. So an empty directory is initialised and migrated
// by a short-lived child (`npm run db:deploy`'s own script); the launcher then
// opens a ready directory, as on every later start (about 200 MB).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const MIGRATE_DEPLOY = path.join(import.meta.dirname, "migrate-deploy.ts");

export function isFreshPgliteDir(pgliteDir: string): boolean {
  return !existsSync(path.join(pgliteDir, "PG_VERSION"));
}

/** Resolves once `pgliteDir` holds a migrated database; rejects with the child's exit code. */
export function initializeEmbeddedDbInChild(pgliteDir: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.dirname(pgliteDir) };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", MIGRATE_DEPLOY], { env, stdio: ["ignore", "ignore", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`initialising the embedded database failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
