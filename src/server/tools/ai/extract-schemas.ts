import "server-only";
import { z } from "zod";
import { ToolInputError } from "../tool-error";

// Preset shapes for ai.extract. Every field is nullable: a model must be able
// to say "not stated" instead of inventing a value to satisfy the schema.
const text = z.string().nullable();
const money = z.number().nullable();

const invoice = z.object({
  invoiceNumber: text,
  issueDate: text.describe("ISO 8601 date, e.g. 2024-03-14"),
  dueDate: text.describe("ISO 8601 date"),
  seller: z.object({ name: text, address: text, taxId: text }),
  buyer: z.object({ name: text, address: text }),
  currency: text.describe("ISO 4217 code, e.g. EUR"),
  lineItems: z.array(z.object({ description: z.string(), quantity: money, unitPrice: money, amount: money })),
  subtotal: money,
  tax: money,
  total: money,
});

const receipt = z.object({
  merchant: text,
  date: text.describe("ISO 8601 date"),
  currency: text.describe("ISO 4217 code"),
  items: z.array(z.object({ description: z.string(), amount: money })),
  tax: money,
  total: money,
  paymentMethod: text,
});

const cv = z.object({
  name: text,
  email: text,
  phone: text,
  location: text,
  summary: text,
  experience: z.array(z.object({ title: text, organization: text, start: text, end: text, description: text })),
  education: z.array(z.object({ degree: text, institution: text, year: text })),
  skills: z.array(z.string()),
});

export const EXTRACT_PRESETS = { invoice, receipt, cv } as const;
export type ExtractPreset = keyof typeof EXTRACT_PRESETS;

/** A user's JSON Schema (an object schema, as text) as a zod schema the result is validated with. */
export function schemaFromJson(source: string): z.ZodType {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    throw new ToolInputError("The schema is not valid JSON. Paste a JSON Schema object, e.g. {\"type\":\"object\",\"properties\":{…}}.");
  }
  if (typeof parsed !== "object" || parsed === null || (parsed as { type?: unknown }).type !== "object") {
    throw new ToolInputError("The schema must be a JSON Schema with \"type\": \"object\" at the top.");
  }
  try {
    return z.fromJSONSchema(parsed as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    throw new ToolInputError(`The schema could not be used: ${error instanceof Error ? error.message : "unsupported JSON Schema"}.`, { cause: error });
  }
}

/** Top-level field names, so the system prompt can list what to extract. */
export function fieldNames(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
