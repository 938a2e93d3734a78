import { describe, expect, it } from "vitest";
import { callerFor } from "~/test/support/callers";

describe("tool.list", () => {
  it("lists the registry with options schemas and defaults for the forms", async () => {
    const tools = await callerFor().caller.tool.list();
    const convert = tools.find((tool) => tool.id === "image.convert");
    expect(tools.map((tool) => tool.id)).toEqual(expect.arrayContaining(["pdf.merge", "image.convert"]));
    expect(convert?.defaultOptions).toMatchObject({ format: "webp", quality: 80, stripMetadata: true });
    const properties = convert?.optionsSchema.properties as Record<string, { enum?: string[] }>;
    expect(properties.format?.enum).toEqual(["jpeg", "png", "webp", "avif"]);
  });
});
