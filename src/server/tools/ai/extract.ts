import "server-only";
import { generateText, NoObjectGeneratedError, Output } from "ai";
import { z } from "zod";
import { buildDocumentPrompt } from "@/server/ai/build-document-prompt";
import { NEEDS_LANGUAGE_MODEL } from "@/server/ai/document-task";
import { outputName } from "@/shared/output-names";
import { ToolInputError } from "../tool-error";
import { resultNotes } from "./ai-tool-support";
import { defineAiTool } from "./define-ai-tool";
import { EXTRACT_PRESETS, fieldNames, schemaFromJson } from "./extract-schemas";
import { appliesWhen } from "../parse-tool-options";

const extractOptions = z.object({
  preset: z.enum(["invoice", "receipt", "cv", "custom"]).default("invoice").describe("What the document is; Custom uses the JSON Schema below."),
  schema: appliesWhen(z.string().max(20_000).default("").describe("A JSON Schema object describing the fields to extract."), { preset: ["custom"] }),
});

// What the offline model returns in JSON mode: the only fields it can find by their form.
const located = z.array(z.object({ value: z.string(), fileName: z.string(), page: z.number() }));
const offlineFields = z.object({ dates: located, amounts: located, emails: located, note: z.string() });

function chooseSchema(options: z.output<typeof extractOptions>): z.ZodType {
  if (options.preset !== "custom") return EXTRACT_PRESETS[options.preset];
  if (!options.schema.trim()) throw new ToolInputError("Custom extraction needs a JSON Schema describing the fields.");
  return schemaFromJson(options.schema);
}

/**
 * Structured data from each document as JSON, validated against a preset or
 * the user's schema. Offline, only dates, amounts and email addresses are
 * found (with their pages), and the output says so.
 */
export const createExtractTool = defineAiTool({
  id: "ai.extract",
  title: "Extract data",
  description: "Structured JSON from invoices, receipts, CVs or any document, following a preset or your own schema.",
  maxFiles: 20,
  options: extractOptions,
  purpose: "extract",
  zipName: "extracted.zip",
  // A bad custom schema is refused before any file is read.
  setUp: ({ offline, options }) => (offline ? offlineFields : chooseSchema(options)),
  async perDocument(input, { model, offline, options, signal, setup: schema, report }) {
    report(`Extracting data from ${input.name}`);
    const prompt = buildDocumentPrompt({ task: "extract", fields: offline ? undefined : fieldNames(schema), chunks: input.passages });
    let data: unknown;
    try {
      ({ output: data } = await generateText({ model, ...prompt.options, output: Output.object({ schema }), maxOutputTokens: 4_000, abortSignal: signal }));
    } catch (error) {
      if (NoObjectGeneratedError.isInstance(error)) throw new ToolInputError(`The model's answer for ${input.name} did not match the schema. Try again, or simplify the schema.`, { cause: error });
      throw error;
    }
    const notes = resultNotes(input, prompt.context, false);
    const result = offline ? { file: input.name, mode: "offline", note: NEEDS_LANGUAGE_MODEL.extract, notes, data } : { file: input.name, preset: options.preset, notes, data };
    return { name: outputName(input.name, "extracted", "json"), mimeType: "application/json", data: new TextEncoder().encode(`${JSON.stringify(result, null, 2)}\n`) };
  },
});

export const extractTool = createExtractTool();
