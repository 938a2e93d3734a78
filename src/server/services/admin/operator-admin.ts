import "server-only";
import { hashPassword } from "@/server/auth/password";
import { issueToken } from "@/server/auth/one-time-token";
import type { Db, DbTx } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { emailSchema, passwordSchema } from "@/server/services/account/account-schemas";
import { CLI_ORIGIN } from "@/server/services/audit/audit-origin";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";

// Everything here is recorded with the CLI as its actor: no account, no address.
const CLI = { actor: { kind: "cli" }, origin: CLI_ORIGIN } as const;

// What `npm run admin` does. The operator has shell access to the server, so
// an account made here is trusted: it is an admin at once, its address counts
// as verified, and ADMIN_EMAILS may promote it again after a sign-in.
const SIGN_IN_LINK_TTL_MS = 24 * 60 * 60 * 1000;

function parseEmail(email: string): string {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new AppError("BAD_REQUEST", `Not an email address: ${email}`);
  return parsed.data;
}

export function signInLinkUrl(baseUrl: string, token: string): string {
  const url = new URL("/sign-in/one-time", baseUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/** A single-use sign-in link token for an existing account (24 hours). */
export async function issueSignInToken(db: DbTx, email: string): Promise<string> {
  const user = await db.user.findUnique({ where: { email: parseEmail(email) }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `No account uses ${email}.`);
  return issueToken(db, "sign-in", user.id, SIGN_IN_LINK_TTL_MS);
}

/**
 * Creates an admin account. With a password it can sign in at once; without,
 * the returned single-use token makes a sign-in link (then set a password in
 * Settings).
 */
export async function createOperatorAdmin(db: Db, input: { email: string; password?: string; name?: string }) {
  const email = parseEmail(input.email);
  if (input.password !== undefined) {
    const checked = passwordSchema.safeParse(input.password);
    if (!checked.success) throw new AppError("BAD_REQUEST", checked.error.issues[0]?.message ?? "Bad password.");
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name: input.name ?? email.split("@")[0], role: "ADMIN", createdByOperator: true, emailVerified: new Date(), passwordHash },
        select: { id: true, email: true, role: true },
      });
      const token = input.password === undefined ? await issueToken(tx, "sign-in", user.id, SIGN_IN_LINK_TTL_MS) : null;
      await recordAuditEvent(tx, { ...CLI, action: "admin.user_created", subjectUserId: user.id, details: { email, role: "ADMIN" } });
      return { user, token };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `An account with ${email} already exists: use \`npm run admin -- promote ${email}\`.`);
    }
    throw error;
  }
}

/** promote: ADMIN, and clears a recorded demotion. demote: USER, recorded so ADMIN_EMAILS leaves it alone. */
export async function setAdminByEmail(db: Db, email: string, admin: boolean) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: parseEmail(email) }, select: { id: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", `No account uses ${email}.`);
    const role = admin ? "ADMIN" : "USER";
    await tx.user.update({ where: { id: user.id }, data: admin ? { role, adminRevokedAt: null } : { role, adminRevokedAt: new Date() } });
    await recordAuditEvent(tx, { ...CLI, action: "admin.role_changed", subjectUserId: user.id, details: { from: user.role, to: role } });
  });
}
