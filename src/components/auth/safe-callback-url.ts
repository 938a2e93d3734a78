/** Only same-site paths: a callbackUrl must never send users to another origin. */
export function safeCallbackUrl(value: string | undefined, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
