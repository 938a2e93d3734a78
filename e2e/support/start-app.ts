import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../test/support/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

async function waitForHealth(baseURL: string, app: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app at ${baseURL} was not healthy within ${timeoutMs} ms`);
}

// E2E_BASE_URL points the specs at an app you already run; otherwise the built
// app starts here on a free port with a throwaway data directory.
export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide("baseURL", process.env.E2E_BASE_URL);
    return;
  }
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "fileforge-e2e-"));
  const baseURL = `http://127.0.0.1:${port}`;
  // TRUSTED_PROXY_HOPS=1: each browser context plays a visitor behind one proxy
  // (its own X-Forwarded-For, see support/browser.ts), so per-IP limits such as
  // sign-up's 10 an hour apply per test, not to the whole suite from 127.0.0.1.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: "warn",
    ADMIN_EMAILS: "e2e-admin@example.test",
    TRUSTED_PROXY_HOPS: "1",
  };
  // The e2e run always uses the embedded database, whatever the shell exports.
  delete env.DATABASE_URL;
  const app = spawn("npx", ["tsx", "scripts/run-app.ts", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForHealth(baseURL, app, 60_000);
  // The e2e admin, made the way an operator makes the first one (ADMIN_EMAILS
  // alone no longer promotes an unverified sign-up).
  const admin = spawnSync(
    "npx",
    ["tsx", "--conditions=react-server", "scripts/admin.ts", "create", "e2e-admin@example.test", "--password", "admin password e2e", "--name", "E2E Admin"],
    { env, stdio: "inherit" },
  );
  if (admin.status !== 0) throw new Error("npm run admin -- create failed");
  project.provide("baseURL", baseURL);
  return async () => {
    if (app.pid) process.kill(-app.pid, "SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
