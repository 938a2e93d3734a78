import "server-only";
import { z } from "zod";
import { type AppliesWhen, describeAppliesWhen, optionApplies } from "@/shared/option-applies-when";
import type { ToolDefinition } from "./types";

/** Marks an option as meaningful only for some values of another (see option-applies-when). */
export function appliesWhen<T extends z.ZodType>(schema: T, conditions: AppliesWhen): T {
  return schema.meta({ appliesWhen: conditions });
}

export type ParsedToolOptions = { ok: true; options: Record<string, unknown> } | { ok: false; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

function appliesWhenOf(field: z.ZodType): AppliesWhen | null {
  const meta = field.meta() as { appliesWhen?: AppliesWhen } | undefined;
  return meta?.appliesWhen ?? null;
}

/**
 * A tool's options from what a client sent, strictly: an option the tool does
 * not know, or one that does not apply to the other choices (Split's `ranges`
 * without mode "ranges"), is refused with a message naming it, instead of being
 * silently ignored and running something the person did not ask for.
 * `storedEarlier` (a re-run) drops such options instead.
 */
export function parseToolOptions(
  tool: Pick<ToolDefinition, "title" | "options">,
  raw: unknown,
  { storedEarlier = false }: { storedEarlier?: boolean } = {},
): ParsedToolOptions {
  const rawRecord = raw ?? {};
  if (!isRecord(rawRecord)) return { ok: false, message: `Options for ${tool.title} must be an object of named settings.` };
  const shape = shapeOf(tool.options);
  // Options an earlier job stored (a re-run) were checked when it was made; a
  // tool may have dropped an option since, or the job predates this check.
  const given = storedEarlier && shape ? Object.fromEntries(Object.entries(rawRecord).filter(([name]) => Object.hasOwn(shape, name))) : rawRecord;
  if (shape) {
    const unknown = Object.keys(given).filter((name) => !Object.hasOwn(shape, name));
    if (unknown.length > 0) {
      const names = unknown.map((name) => `“${name.slice(0, 64)}”`).join(", ");
      const known = Object.keys(shape).join(", ") || "none";
      return { ok: false, message: `${tool.title} has no option ${names}. Its options are: ${known}.` };
    }
  }
  const parsed = tool.options.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` “${issue.path.join(".")}”` : "";
    return { ok: false, message: `Invalid option${where}: ${issue?.message ?? "not valid"}.` };
  }
  const parsedOptions = parsed.data as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parsedOptions)) {
    const conditions = shape?.[name] ? appliesWhenOf(shape[name]) : null;
    if (!conditions || optionApplies(conditions, parsedOptions)) {
      options[name] = value;
    } else if (Object.hasOwn(given, name) && !storedEarlier) {
      return { ok: false, message: `${describeAppliesWhen(name, conditions)}; leave it out or change that choice.` };
    }
    // A default that does not apply is left out, so the job shows (and a re-run sends) only what counts.
  }
  return { ok: true, options };
}
