import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseToolOptions } from "./parse-tool-options";
import { getTool, listTools } from "./registry";

describe("strict tool options", () => {
  const split = getTool("pdf.split");

  it("refuses an option the tool does not know, naming it and the known ones", () => {
    const result = parseToolOptions(split, { mode: "each", range: "1-3" });
    expect(result).toEqual({ ok: false, message: "Split PDF has no option “range”. Its options are: mode, every, ranges." });
  });

  it("refuses an option that does not apply to the other choices (ranges without mode ranges)", () => {
    expect(parseToolOptions(split, { ranges: "1-3" })).toEqual({
      ok: false,
      message: "“ranges” applies only when “mode” is “ranges”; leave it out or change that choice.",
    });
    expect(parseToolOptions(split, { mode: "every", ranges: "1-3" })).toMatchObject({ ok: false });
    expect(parseToolOptions(getTool("image.convert"), { format: "png", quality: 50 })).toEqual({
      ok: false,
      message: "“quality” applies only when “format” is “jpeg” or “webp” or “avif”; leave it out or change that choice.",
    });
  });

  it("accepts what applies, and keeps only the options that count for those choices", () => {
    expect(parseToolOptions(split, { mode: "ranges", ranges: "1-3" })).toEqual({ ok: true, options: { mode: "ranges", ranges: "1-3" } });
    expect(parseToolOptions(split, {})).toEqual({ ok: true, options: { mode: "each" } });
    expect(parseToolOptions(split, undefined)).toEqual({ ok: true, options: { mode: "each" } });
    expect(parseToolOptions(getTool("image.convert"), { format: "jpeg" })).toMatchObject({ ok: true, options: { format: "jpeg", quality: 80 } });
  });

  it("drops instead of refusing for options an earlier job stored (a re-run)", () => {
    expect(parseToolOptions(split, { mode: "each", every: 2, ranges: "1-", gone: true }, { storedEarlier: true })).toEqual({ ok: true, options: { mode: "each" } });
  });

  it("refuses options that are not an object, and reports the first invalid value", () => {
    expect(parseToolOptions(split, ["each"])).toEqual({ ok: false, message: "Options for Split PDF must be an object of named settings." });
    expect(parseToolOptions(split, "each")).toMatchObject({ ok: false });
    expect(parseToolOptions(split, { mode: "some" })).toMatchObject({ ok: false, message: expect.stringContaining("Invalid option “mode”") });
  });

  it("every tool's conditions name one of its own choices and values it can take", () => {
    for (const tool of listTools()) {
      const shape = (tool.options as z.ZodObject).shape as Record<string, z.ZodType>;
      for (const [name, field] of Object.entries(shape)) {
        const conditions = (field.meta() as { appliesWhen?: Record<string, string[]> } | undefined)?.appliesWhen;
        if (!conditions) continue;
        for (const [other, values] of Object.entries(conditions)) {
          expect(Object.keys(shape), `${tool.id}.${name}`).toContain(other);
          const choices = z.toJSONSchema(shape[other] as z.ZodType, { io: "input" }) as { enum?: unknown[] };
          for (const value of values) expect(choices.enum, `${tool.id}.${name} → ${other}`).toContain(value);
        }
      }
    }
  });
});
