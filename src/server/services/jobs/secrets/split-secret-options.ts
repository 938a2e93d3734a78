import "server-only";
import { isSecretOptionName } from "@/shared/secret-option-name";
import type { JobSecrets } from "./seal-job-secrets";

/**
 * Parsed options split into what may be stored and shown (Job.options) and the
 * secrets that may not. Only set secrets count: an empty optional password is
 * no secret, and a re-run need not ask for it.
 */
export function splitSecretOptions(options: Record<string, unknown>): { plain: Record<string, unknown>; secrets: JobSecrets } {
  const plain: Record<string, unknown> = {};
  const secrets: JobSecrets = {};
  for (const [name, value] of Object.entries(options)) {
    if (!isSecretOptionName(name)) plain[name] = value;
    else if (typeof value === "string" && value !== "") secrets[name] = value;
  }
  return { plain, secrets };
}
