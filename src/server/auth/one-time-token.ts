import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { DbTx } from "@/server/db";

// Single-use tokens for links (operator sign-in, email verification), kept
// in next-auth's VerificationToken table. Only a SHA-256 of the token is
// stored, so a copy of the database signs nobody in. The identifier says what
// the token is for: "<purpose>:<userId>[:<email>]".
export type TokenPurpose = "sign-in" | "verify-email";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueToken(db: DbTx, purpose: TokenPurpose, subject: string, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.verificationToken.create({
    data: { identifier: `${purpose}:${subject}`, token: hashToken(token), expires: new Date(Date.now() + ttlMs) },
  });
  return token;
}

/**
 * The subject a valid token was issued for, or null. The token is deleted in
 * the same step, so two clicks racing on one link cannot both succeed.
 */
export async function consumeToken(db: DbTx, purpose: TokenPurpose, token: string): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const row = await db.verificationToken.findFirst({
    where: { token: hashToken(token), identifier: { startsWith: `${purpose}:` } },
  });
  if (!row) return null;
  const deleted = await db.verificationToken.deleteMany({ where: { identifier: row.identifier, token: row.token } });
  if (deleted.count !== 1 || row.expires <= new Date()) return null;
  return row.identifier.slice(purpose.length + 1);
}
