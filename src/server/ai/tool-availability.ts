import "server-only";
import type { AiCapability, AiProviderDescription } from "./describe-ai-provider";

export type ToolAvailability = {
  available: boolean;
  /** Why not, in words any visitor understands; null when available. */
  reason: string | null;
  /** How to turn it on (environment variables): only ever filled for admins. */
  adminHint: string | null;
};

// The AI tools a provider can switch off, and the capability each needs. Other
// AI tools work in every mode (offline ones quote the document and say so).
const NEEDED_CAPABILITY: Partial<Record<string, { capability: AiCapability; reason: string }>> = {
  "ai.translate": { capability: "translate", reason: "Translation needs an AI model this server doesn't have." },
};

const AVAILABLE: ToolAvailability = { available: true, reason: null, adminHint: null };

/**
 * Whether a tool can run with this server's AI provider. Visitors get the
 * reason; operator instructions (env var names) go to admins only, since they
 * mean nothing to anyone else and describe the server's setup.
 */
export function toolAvailability(toolId: string, ai: AiProviderDescription, isAdmin: boolean): ToolAvailability {
  const need = NEEDED_CAPABILITY[toolId];
  if (!need || ai.capabilities[need.capability]) return AVAILABLE;
  return { available: false, reason: need.reason, adminHint: isAdmin ? (ai.limitations[need.capability] ?? null) : null };
}
