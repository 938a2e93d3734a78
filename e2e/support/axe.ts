import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

// axe-core's browser bundle, evaluated in the page through the DevTools
// protocol: the app's nonce CSP would block a <script> tag added by the test.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/**
 * Runs axe on the page as it is now and returns one line per violating node
 * ("rule-id (impact) help: target"), empty when there are none. Besides the
 * default WCAG and best-practice rules it turns on label-content-name-mismatch
 * (WCAG 2.5.3, still "experimental" in axe): a button's name must contain the
 * text it shows, which the account menu and citations once broke.
 */
export async function findAxeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { rules: { "label-content-name-mismatch": { enabled: true } }, resultTypes: ["violations"] });
    return result.violations;
  });
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact ?? "?"}) ${violation.help}: ${JSON.stringify(node.target)} — ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`),
  );
}
