import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mergePdfTool } from "../pdf/merge";
import { inputFile } from "~/test/support/input-file";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { envTool } from "~/test/support/misbehaving-tools";
import { createToolPool } from "./tool-pool";
import { workerEnv } from "./worker-env";

const SECRETS = ["AUTH_SECRET", "DATABASE_URL", "UPLOADTHING_TOKEN", "SMTP_URL", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "AUTH_GITHUB_SECRET", "AUTH_GOOGLE_SECRET"];

// Planted before the pool starts its worker, as a production web process has them.
for (const name of SECRETS) process.env[name] ??= `planted-${name.toLowerCase()}`;
process.env.TOOL_WORKER_TEST_MARKER = "kept";

const pool = createToolPool({
  size: 1, maxRssBytes: 1024 ** 3, heapMb: 512, cancelGraceMs: 500,
  toolModules: [path.join(import.meta.dirname, "../../../../test/support/misbehaving-tools.ts")],
});
afterAll(() => pool.stop());

describe("a tool worker's environment", { timeout: 90_000 }, () => {
  it("holds no secret of the web process, but what tools need", async () => {
    const [result] = await pool.runTool(envTool, { inputs: [], options: {}, progress: () => undefined, signal: new AbortController().signal });
    const names = JSON.parse(new TextDecoder().decode(result?.data)) as string[];
    for (const secret of SECRETS) expect(names).not.toContain(secret);
    expect(names).toEqual(expect.arrayContaining(["PATH", "TOOL_WORKER_TEST_MARKER"]));
  });

  it("still runs real tools", async () => {
    const inputs = [inputFile("a.pdf", "application/pdf", makePdf("a", 2)), inputFile("b.pdf", "application/pdf", makePdf("b", 1))];
    const [merged] = await pool.runTool(mergePdfTool, { inputs, options: {}, progress: () => undefined, signal: new AbortController().signal });
    expect(pageTexts(merged?.data ?? new Uint8Array())).toHaveLength(3);
  });

  it("keeps the AI provider's settings, which AI tools use from the worker", () => {
    expect(workerEnv({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://x", AUTH_SECRET: "s", LC_ALL: "C" })).toEqual({
      OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://x", LC_ALL: "C",
    });
  });
});
