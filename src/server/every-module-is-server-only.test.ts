import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every module under src/server begins with `import "server-only"`, so a client
// bundle that reaches one, however indirectly, fails the build instead of
// shipping server code. Test-support modules too: they are never meant for a
// browser, and every runner of server code (Next, the tool worker, vitest, the
// admin CLI, benches) already resolves `server-only` to a no-op.
// Left out: tests (never imported), `.d.ts` files (declarations, no runtime;
// an import would turn their `declare module` into an augmentation) and the
// generated Prisma client (rewritten by `prisma generate`).
const SERVER_DIR = path.resolve(import.meta.dirname);
const SKIPPED = [/\.test\.tsx?$/, /\.d\.ts$/, /^db\/generated\//];

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(SERVER_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => !SKIPPED.some((pattern) => pattern.test(file)))
    .sort();
}

/** The first statement after any leading comments. */
function firstStatement(source: string): string {
  const withoutLeadingComments = source.replace(/^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return withoutLeadingComments.split("\n", 1)[0] ?? "";
}

describe("src/server", () => {
  const modules = modulesUnder(SERVER_DIR);

  it("is walked (a wrong path would pass with nothing checked)", () => {
    expect(modules).toContain("db.ts");
    expect(modules).toContain("api/routers/admin.ts");
    expect(modules.length).toBeGreaterThan(200);
  });

  it('has `import "server-only"` as the first statement of every module', () => {
    const missing = modules.filter(
      (file) => firstStatement(readFileSync(path.join(SERVER_DIR, file), "utf8")).trim() !== 'import "server-only";',
    );
    expect(missing, `modules without import "server-only" first:\n${missing.join("\n")}`).toEqual([]);
  });
});
