import { formatNameFor } from "@/components/files/describe-file-type";
import { type AppliesWhen, optionApplies } from "@/shared/option-applies-when";
import { isSecretOptionName } from "@/shared/secret-option-name";

// Turns a tool's options JSON Schema (from zod) into form fields, and form
// drafts back into options. Unknown kinds are left out: the server fills defaults.
type FieldBase = {
  name: string;
  label: string;
  description: string | null;
  required: boolean;
  /** True when leaving it empty means "no value" rather than "the default". */
  optional: boolean;
  /** Shown and sent only when other options have these values (Split's ranges with mode "ranges"). */
  appliesWhen: AppliesWhen | null;
};
export type OptionField =
  | (FieldBase & { kind: "enum"; numeric: boolean; values: { value: string; label: string }[] })
  | (FieldBase & { kind: "number"; integer: boolean; min: number | null; max: number | null })
  | (FieldBase & { kind: "boolean" })
  | (FieldBase & { kind: "text"; secret: boolean; minLength: number | null; maxLength: number | null; pattern: string | null });

/** Form state: strings for inputs (empty = not set), booleans for switches. */
export type OptionDrafts = Record<string, string | boolean>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const numberOrNull = (value: unknown) => (typeof value === "number" ? value : null);
const ACRONYMS = new Set(["kb", "mb", "dpi", "pdf", "ocr", "url", "id"]);

/** "maxWidth" → "Max width", "strip_metadata" → "Strip metadata", "targetKb" → "Target KB". */
export function humanizeName(name: string): string {
  const words = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase()
    .split(" ")
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "webp" → "WebP", "a4" → "A4", "txt" → "TXT", "bottom-center" → "Bottom center". */
function enumLabel(value: string): string {
  const known = formatNameFor(value);
  if (known) return known;
  if (/^[a-z0-9]{1,4}$/.test(value) && (/\d/.test(value) || !/[aeiouy]/.test(value))) return value.toUpperCase();
  return humanizeName(value);
}

function toField(name: string, property: Record<string, unknown>, required: boolean): OptionField | null {
  const description = typeof property.description === "string" ? property.description : null;
  const appliesWhen = isRecord(property.appliesWhen) ? (property.appliesWhen as AppliesWhen) : null;
  const base = { name, label: humanizeName(name), required, optional: !required && !("default" in property), description, appliesWhen };
  const choices = Array.isArray(property.enum) ? property.enum : null;
  if (choices && choices.every((value) => typeof value === "string" || typeof value === "number")) {
    const numeric = choices.every((value) => typeof value === "number");
    return { ...base, kind: "enum", numeric, values: choices.map((value) => ({ value: String(value), label: enumLabel(String(value)) })) };
  }
  if (property.type === "integer" || property.type === "number") {
    return { ...base, kind: "number", integer: property.type === "integer", min: numberOrNull(property.minimum), max: numberOrNull(property.maximum) };
  }
  if (property.type === "boolean") return { ...base, kind: "boolean" };
  if (property.type === "string") {
    const pattern = typeof property.pattern === "string" ? property.pattern : null;
    return { ...base, kind: "text", secret: isSecretOptionName(name), minLength: numberOrNull(property.minLength), maxLength: numberOrNull(property.maxLength), pattern };
  }
  return null;
}

export function readOptionsSchema(schema: Record<string, unknown>): OptionField[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).flatMap(([name, property]) => {
    const field = isRecord(property) ? toField(name, property, required.has(name)) : null;
    return field ? [field] : [];
  });
}

/** The form's starting state: the tool's defaults, optional fields empty. */
export function toDrafts(fields: readonly OptionField[], defaults: Record<string, unknown>): OptionDrafts {
  return Object.fromEntries(
    fields.map((field) => {
      const value = defaults[field.name];
      if (field.kind === "boolean") return [field.name, value === true];
      return [field.name, typeof value === "string" || typeof value === "number" ? String(value) : ""];
    }),
  );
}

/** The fields that mean something for the current choices: the form shows only these. */
export function applicableFields(fields: readonly OptionField[], drafts: OptionDrafts): OptionField[] {
  return fields.filter((field) => optionApplies(field.appliesWhen, drafts));
}

/**
 * Options to send: numbers parsed, empty optional fields left out (the browser
 * already checked the limits), and fields that do not apply to the current
 * choices left out too (the server refuses them).
 */
export function fromDrafts(fields: readonly OptionField[], drafts: OptionDrafts): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const field of applicableFields(fields, drafts)) {
    const draft = drafts[field.name];
    if (typeof draft === "boolean") options[field.name] = draft;
    else if (draft === undefined || (draft.trim() === "" && field.kind !== "text")) continue;
    else if (field.kind === "number" || (field.kind === "enum" && field.numeric)) options[field.name] = Number(draft);
    else if (draft === "" && field.optional) continue;
    else options[field.name] = draft;
  }
  return options;
}
