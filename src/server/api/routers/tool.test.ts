import { describe, expect, it } from "vitest";
import { callerFor, createTestUser } from "~/test/support/callers";

describe("tool.list", () => {
  it("lists the registry with options schemas and defaults for the forms", async () => {
    const tools = await callerFor().caller.tool.list();
    const convert = tools.find((tool) => tool.id === "image.convert");
    expect(tools.map((tool) => tool.id)).toEqual(expect.arrayContaining(["pdf.merge", "image.convert"]));
    expect(convert?.defaultOptions).toMatchObject({ format: "webp", quality: 80, stripMetadata: true });
    const properties = convert?.optionsSchema.properties as Record<string, { enum?: string[] }>;
    expect(properties.format?.enum).toEqual(["jpeg", "png", "webp", "avif"]);
  });

  it("says which tools can stream one document's result on the tool page, and how it is named", async () => {
    const tools = await callerFor().caller.tool.list();
    const streaming = Object.fromEntries(tools.filter((tool) => tool.stream).map((tool) => [tool.id, tool.stream]));
    expect(streaming).toEqual({
      "ai.summarize": { noun: "summary", title: "Summary", extension: "summary.md" },
      "ai.key-points": { noun: "key points", title: "Key points", extension: "key-points.md" },
    });
  });

  it("marks Translate unavailable offline with a visitor's reason, and tells only admins how to enable it", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const translateFor = async (sessionUserId?: string) =>
      (await callerFor({ sessionUserId }).caller.tool.list()).find((tool) => tool.id === "ai.translate")?.availability;

    const anonymous = await translateFor();
    expect(anonymous).toEqual({ available: false, reason: "Translation needs an AI model this server doesn't have.", adminHint: null });
    expect(await translateFor(user.id)).toEqual(anonymous);
    expect((await translateFor(admin.id))?.adminHint).toMatch(/^Translation needs a language model\. Set OPENAI_API_KEY/);

    const tools = await callerFor().caller.tool.list();
    const unavailable = tools.filter((tool) => !tool.availability.available).map((tool) => tool.id);
    expect(unavailable).toEqual(["ai.translate"]);
    expect(JSON.stringify(tools)).not.toContain("OPENAI_");
  });
});
