import "server-only";
import { formatCitation } from "@/shared/citations";
import type { DocumentChunk } from "../document-context";
import { NEEDS_LANGUAGE_MODEL } from "../document-task";

// Offline extraction is deliberately narrow: only fields whose form gives them
// away. Anything that needs reading comprehension ("the supplier", "the due
// date") would be a guess, and a wrong value that looks extracted is worse
// than a clear "needs a language model".

export type ExtractedField = { value: string; fileName: string; page: number };
export type ExtractedFields = { dates: ExtractedField[]; amounts: ExtractedField[]; emails: ExtractedField[] };

const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const CURRENCY_CODE = "(?:USD|EUR|GBP|CHF|JPY|CAD|AUD)";
const NUMBER = "\\d{1,3}(?:[,.\\u00a0 ]\\d{3})*(?:[.,]\\d{1,2})?";
const SCALE = "(?:\\s?(?:million|billion|thousand|bn|m|k)\\b)?";

const PATTERNS: Record<keyof ExtractedFields, RegExp> = {
  dates: new RegExp(
    [
      "\\b\\d{4}-\\d{2}-\\d{2}\\b",
      "\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b",
      `\\b${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b`,
      `\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH}\\.?,? \\d{4}\\b`,
    ].join("|"),
    "g",
  ),
  amounts: new RegExp(
    [`(?:[$€£¥]|\\b${CURRENCY_CODE} ?)${NUMBER}${SCALE}`, `\\b${NUMBER}${SCALE} ?(?:${CURRENCY_CODE}|dollars|euros|pounds)\\b`].join("|"),
    "g",
  ),
  emails: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g,
};

/** Dates, amounts and email addresses, each once (where it first appears). */
export function extractFields(chunks: readonly DocumentChunk[]): ExtractedFields {
  const fields: ExtractedFields = { dates: [], amounts: [], emails: [] };
  for (const kind of Object.keys(PATTERNS) as (keyof ExtractedFields)[]) {
    const seen = new Set<string>();
    for (const chunk of chunks) {
      for (const match of chunk.text.replace(/\s+/g, " ").matchAll(PATTERNS[kind])) {
        const value = match[0].trim();
        if (seen.has(value.toLowerCase())) continue;
        seen.add(value.toLowerCase());
        fields[kind].push({ value, fileName: chunk.fileName, page: chunk.page });
      }
    }
  }
  return fields;
}

const HEADINGS: Record<keyof ExtractedFields, string> = { dates: "Dates", amounts: "Amounts", emails: "Email addresses" };

/** A readable list with citations, preceded by what offline extraction can and cannot do. */
export function formatExtractedFields(fields: ExtractedFields): string {
  const all = [...fields.dates, ...fields.amounts, ...fields.emails];
  const manyFiles = new Set(all.map((field) => field.fileName)).size > 1;
  const cite = (field: ExtractedField) => formatCitation(manyFiles ? field : { page: field.page });
  const sections = (Object.keys(HEADINGS) as (keyof ExtractedFields)[])
    .filter((kind) => fields[kind].length > 0)
    .map((kind) => `${HEADINGS[kind]}:\n${fields[kind].map((field) => `- ${field.value} ${cite(field)}`).join("\n")}`);
  const body = sections.length > 0 ? sections.join("\n\n") : "No dates, amounts or email addresses were found.";
  return `${NEEDS_LANGUAGE_MODEL.extract}\n\n${body}`;
}
