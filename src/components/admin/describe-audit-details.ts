import { QUOTA_FIELDS } from "./quota-fields";

// Audit details are small flat objects the services write (roles, quota values,
// reasons). The admin reads them in words: "first password: yes", and a quota
// change as the limits that moved ("Max file size: 10 → 20 MB"), never as
// internal keys and JSON ("maxFileBytes").

/** "firstPassword" → "first password". */
function inWords(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function describeValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The quota limits that differ between two value sets, in the units the quota editor shows. */
function describeQuotaChange(from: Record<string, unknown>, to: Record<string, unknown>): string {
  const changes = QUOTA_FIELDS.filter((field) => field.key in to && Number(from[field.key]) !== Number(to[field.key])).map((field) => {
    const show = (value: unknown) => (value === undefined ? "?" : field.toInput(Number(value)).toLocaleString("en-US"));
    return `${field.label}: ${show(from[field.key])} → ${show(to[field.key])} ${field.unit}`;
  });
  return changes.length > 0 ? changes.join(", ") : "no limit changed";
}

export function describeAuditDetails(details: Record<string, unknown>): string {
  const { via: _via, ...shown } = details;
  if (isRecord(shown.from) && isRecord(shown.to) && QUOTA_FIELDS.some((field) => field.key in (shown.to as object))) {
    const { from, to, ...rest } = shown;
    return [...Object.entries(rest).map(([key, value]) => `${inWords(key)}: ${describeValue(value)}`), describeQuotaChange(from, to)].join(", ");
  }
  return Object.entries(shown)
    .map(([key, value]) => `${inWords(key)}: ${describeValue(value)}`)
    .join(", ");
}
