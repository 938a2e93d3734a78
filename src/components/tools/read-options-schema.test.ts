import { describe, expect, it } from "vitest";
import { applicableFields, fromDrafts, humanizeName, readOptionsSchema, toDrafts } from "./read-options-schema";

// What z.toJSONSchema gives for image.convert's options (io: "input").
const convertSchema = {
  type: "object",
  properties: {
    format: { default: "webp", type: "string", enum: ["jpeg", "png", "webp", "avif"] },
    quality: { default: 80, type: "integer", minimum: 1, maximum: 100, description: "Ignored for PNG." },
    maxWidth: { type: "integer", minimum: 1, maximum: 20000 },
    stripMetadata: { default: true, type: "boolean" },
    weird: { anyOf: [{ type: "string" }, { type: "null" }] },
  },
};
const defaults = { format: "webp", quality: 80, stripMetadata: true };

describe("readOptionsSchema", () => {
  it("makes one human-labelled field per supported property", () => {
    const fields = readOptionsSchema(convertSchema);
    expect(fields.map((field) => [field.name, field.kind, field.label])).toEqual([
      ["format", "enum", "Format"],
      ["quality", "number", "Quality"],
      ["maxWidth", "number", "Max width"],
      ["stripMetadata", "boolean", "Strip metadata"],
    ]);
    expect(fields[0]).toMatchObject({ values: [{ value: "jpeg", label: "JPEG" }, { value: "png", label: "PNG" }, { value: "webp", label: "WebP" }, { value: "avif", label: "AVIF" }] });
    expect(fields[1]).toMatchObject({ integer: true, min: 1, max: 100, description: "Ignored for PNG.", optional: false });
    // No default: empty means "no limit", not "the default".
    expect(fields[2]).toMatchObject({ name: "maxWidth", optional: true });
  });

  it("starts from the defaults with optional fields empty, and sends only what is set", () => {
    const fields = readOptionsSchema(convertSchema);
    const drafts = toDrafts(fields, defaults);
    expect(drafts).toEqual({ format: "webp", quality: "80", maxWidth: "", stripMetadata: true });
    expect(fromDrafts(fields, drafts)).toEqual({ format: "webp", quality: 80, stripMetadata: true });
    expect(fromDrafts(fields, { ...drafts, format: "jpeg", maxWidth: "640", stripMetadata: false })).toEqual({
      format: "jpeg",
      quality: 80,
      maxWidth: 640,
      stripMetadata: false,
    });
  });

  it("handles number choices, text with limits, and labels for abbreviations", () => {
    const schema = {
      properties: {
        angle: { default: 90, type: "number", enum: [90, 180, 270] },
        pageSize: { default: "fit", type: "string", enum: ["fit", "a4", "letter"] },
        pages: { default: "", type: "string", maxLength: 500, pattern: "^\\d*$" },
        password: { default: "", type: "string", maxLength: 127 },
        targetKb: { default: 500, type: "integer", minimum: 10, maximum: 50000 },
      },
    };
    const fields = readOptionsSchema(schema);
    expect(fields[0]).toMatchObject({ kind: "enum", numeric: true, values: [{ value: "90", label: "90" }, { value: "180", label: "180" }, { value: "270", label: "270" }] });
    expect(fields[1]).toMatchObject({ values: [{ label: "Fit" }, { label: "A4" }, { label: "Letter" }] });
    expect(fields[2]).toMatchObject({ kind: "text", maxLength: 500, pattern: "^\\d*$", secret: false });
    expect(fields[3]).toMatchObject({ kind: "text", secret: true });
    expect(fields[4]).toMatchObject({ label: "Target KB" });
    const drafts = toDrafts(fields, { angle: 90, pageSize: "fit", pages: "", password: "", targetKb: 500 });
    // An empty string with a default is a value the tool understands ("all pages", "no password").
    expect(fromDrafts(fields, { ...drafts, angle: "180" })).toEqual({ angle: 180, pageSize: "fit", pages: "", password: "", targetKb: 500 });
  });

  it("shows and sends a field only when the choices it depends on are made", () => {
    const schema = {
      properties: {
        mode: { default: "each", type: "string", enum: ["each", "every", "ranges"] },
        every: { default: 2, type: "integer", appliesWhen: { mode: ["every"] } },
        ranges: { default: "1-", type: "string", appliesWhen: { mode: ["ranges"] } },
      },
    };
    const fields = readOptionsSchema(schema);
    const drafts = toDrafts(fields, { mode: "each", every: 2, ranges: "1-" });
    expect(applicableFields(fields, drafts).map((field) => field.name)).toEqual(["mode"]);
    expect(fromDrafts(fields, drafts)).toEqual({ mode: "each" });
    const ranges = { ...drafts, mode: "ranges", ranges: "1-3" };
    expect(applicableFields(fields, ranges).map((field) => field.name)).toEqual(["mode", "ranges"]);
    expect(fromDrafts(fields, ranges)).toEqual({ mode: "ranges", ranges: "1-3" });
  });

  it("copes with an empty schema", () => {
    expect(readOptionsSchema({ type: "object", properties: {} })).toEqual([]);
    expect(humanizeName("strip_metadata")).toBe("Strip metadata");
  });
});
