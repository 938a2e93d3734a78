import "server-only";
import { env } from "@/env";
import { hashPassword } from "@/server/auth/password";
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import type { SignUpInput } from "./account-schemas";

/** The role a new account starts with: ADMIN for ADMIN_EMAILS, else USER. */
export function roleForEmail(email: string, adminEmails: readonly string[] = env.ADMIN_EMAILS) {
  return adminEmails.includes(email.toLowerCase()) ? ("ADMIN" as const) : ("USER" as const);
}

/** Creates an email + password account. The input is already validated. */
export async function registerUser(db: DbTx, input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: roleForEmail(input.email) },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    // The unique index decides, so two concurrent sign-ups cannot both win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}
