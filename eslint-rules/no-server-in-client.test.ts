import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Lints snippets through the project's real eslint.config.mjs, so the test
// covers the rule and the way the config wires it to files. The paths need not
// exist: the config picks rules by path, and the local rule reads the directive.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });

async function problems(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(({ ruleId, line, message }) => ({ ruleId, line, message }));
}

describe("the fence between client code and src/server", () => {
  it('refuses a "use client" module importing a server value, by alias or by relative path', async () => {
    const code = [
      '"use client";',
      'import { getQuota } from "@/server/quotas/get-quota";',
      'import { db } from "../../server/db";',
      "export const both = [getQuota, db];",
    ].join("\n");
    const found = await problems(code, "src/app/example/client-widget.tsx");
    expect(found.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([
      { ruleId: "fileforge/no-server-in-client", line: 2 },
      { ruleId: "fileforge/no-server-in-client", line: 3 },
    ]);
    expect(found[0]?.message).toContain("src/shared/");
  }, 60_000);

  it('refuses a "use client" module re-exporting or lazily importing a server value', async () => {
    const code = [
      '"use client";',
      'export { AppError } from "@/server/errors";',
      'export const later = () => import("@/server/logger");',
    ].join("\n");
    const found = await problems(code, "src/app/example/client-widget.tsx");
    expect(found.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([
      { ruleId: "fileforge/no-server-in-client", line: 2 },
      { ruleId: "fileforge/no-server-in-client", line: 3 },
    ]);
  });

  it('lets a "use client" module import server types', async () => {
    const code = [
      '"use client";',
      'import type { AppRouter } from "@/server/api/root";',
      'import { type Db } from "@/server/db";',
      "export type Both = [AppRouter, Db];",
    ].join("\n");
    expect(await problems(code, "src/app/example/client-widget.tsx")).toEqual([]);
  });

  it("lets a server component (no directive) import server values", async () => {
    const code = ['import { auth } from "@/server/auth";', "export const session = auth;"].join("\n");
    expect(await problems(code, "src/app/example/page-part.tsx")).toEqual([]);
  });

  it("refuses src/shared importing a server value, but not a server type", async () => {
    const code = [
      'import type { Role } from "@/server/db/generated/enums";',
      'import { AppError } from "@/server/errors";',
      "export const both: [Role | null, typeof AppError] = [null, AppError];",
    ].join("\n");
    const found = await problems(code, "src/shared/example.ts");
    expect(found.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([
      { ruleId: "@typescript-eslint/no-restricted-imports", line: 2 },
    ]);
  });

  it("refuses a component module without the directive that client components import", async () => {
    const code = ['import { withExtension } from "../../server/tools/zip-outputs";', "export const name = withExtension;"].join("\n");
    const found = await problems(code, "src/components/tools/example-helper.ts");
    expect(found.map(({ ruleId }) => ruleId)).toEqual(["@typescript-eslint/no-restricted-imports"]);
  });
});
