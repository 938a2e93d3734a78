import "server-only";
import { generateText, NoObjectGeneratedError, Output } from "ai";
import { z } from "zod";
import { buildDocumentPrompt } from "@/server/ai/build-document-prompt";
import { NEEDS_LANGUAGE_MODEL } from "@/server/ai/document-task";
import { getLanguageModel } from "@/server/ai/get-language-model";
import { outputName } from "@/shared/output-names";
import { ToolInputError } from "../tool-error";
import { defineTool, type ToolDefinition } from "../types";
import { AI_TOOL_LIMITS, type GetModel, isOfflineModel, meteredModel, resultNotes } from "./ai-tool-support";
import { EXTRACT_PRESETS, fieldNames, schemaFromJson } from "./extract-schemas";
import { DOCUMENT_MIME_TYPES } from "./read-document-pages";
import { runPerInput } from "./run-per-input";
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
export function createExtractTool(getModel: GetModel = getLanguageModel): ToolDefinition<typeof extractOptions> {
  return defineTool({
    id: "ai.extract",
    title: "Extract data",
    description: "Structured JSON from invoices, receipts, CVs or any document, following a preset or your own schema.",
    category: "ai",
    accepts: DOCUMENT_MIME_TYPES,
    minFiles: 1,
    maxFiles: 20,
    options: extractOptions,
    limits: AI_TOOL_LIMITS,
    run: ({ inputs, options, progress, signal, reportAiTokens }) => {
      const model = meteredModel(getModel, "extract", reportAiTokens);
      const offline = isOfflineModel(model);
      const schema = offline ? offlineFields : chooseSchema(options);
      return runPerInput({ inputs, progress, signal }, "extracted.zip", async (input, report) => {
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
      });
    },
  });
}

export const extractTool = createExtractTool();
