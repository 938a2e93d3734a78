import "server-only";
import { createHmac } from "node:crypto";
import type { DbTx } from "@/server/db";
import { logger } from "@/server/logger";
import { auditOrigin } from "@/server/services/audit/audit-origin";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { getAuthSecret } from "./secret";

/**
 * An attempted address as the audit log keeps it: a keyed hash, so repeated
 * guesses at one address can be told apart from a spray across many, without
 * storing addresses that may not belong to anyone here (or a password typed
 * into the email field).
 */
export function hashAttemptedEmail(email: string): string {
  return createHmac("sha256", getAuthSecret()).update(`audit-email:${email.trim().toLowerCase()}`).digest("hex").slice(0, 32);
}

// Sign-in must not fail because its record did: the insert is logged and dropped.
async function recordQuietly(write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    logger.warn({ err: error }, "could not record a sign-in in the audit log");
  }
}

/** A completed sign-in by any method (credentials, one-time link, OAuth). */
export function recordSignIn(db: DbTx, headers: Headers, user: { id: string; email: string | null }, method: string) {
  return recordQuietly(() =>
    recordAuditEvent(db, {
      action: "auth.sign_in",
      actor: { kind: "user", userId: user.id, email: user.email },
      subjectUserId: user.id,
      origin: auditOrigin(headers),
      details: { method },
    }),
  );
}

/**
 * A refused sign-in. `accountId` is the account the address belongs to, when
 * the credential check already looked it up (the same lookup runs for known
 * and unknown addresses, so recording adds no timing difference).
 */
export function recordSignInFailure(
  db: DbTx,
  headers: Headers,
  attempt: { email: string; accountId: string | null; method: string; reason: "invalid_credentials" | "locked" | "invalid_link" },
) {
  return recordQuietly(() =>
    recordAuditEvent(db, {
      action: "auth.sign_in_failed",
      actor: { kind: "anonymous" },
      subjectUserId: attempt.accountId,
      origin: auditOrigin(headers),
      details: {
        method: attempt.method,
        reason: attempt.reason,
        ...(attempt.email ? { emailHash: hashAttemptedEmail(attempt.email) } : {}),
      },
    }),
  );
}
