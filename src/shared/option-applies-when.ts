/**
 * Options that mean something only for some values of another option (Split's
 * `ranges` only with mode "ranges"). Declared once on the tool's zod schema as
 * metadata, `appliesWhen: { mode: ["ranges"] }`; the server refuses such an
 * option sent when it does not apply, and the form hides it then.
 */
export type AppliesWhen = Record<string, readonly (string | number | boolean)[]>;

/** Whether every condition holds for these option values (an absent condition holds). */
export function optionApplies(appliesWhen: AppliesWhen | null | undefined, values: Record<string, unknown>): boolean {
  if (!appliesWhen) return true;
  return Object.entries(appliesWhen).every(([name, allowed]) => allowed.some((value) => String(value) === String(values[name])));
}

/** "“ranges” applies only when “mode” is “ranges”" — for the 400 the server gives. */
export function describeAppliesWhen(name: string, appliesWhen: AppliesWhen): string {
  const conditions = Object.entries(appliesWhen).map(([other, allowed]) => `“${other}” is ${allowed.map((value) => `“${String(value)}”`).join(" or ")}`);
  return `“${name}” applies only when ${conditions.join(" and ")}`;
}
