import "server-only";
import { hashPassword } from "@/server/auth/password";
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import type { SignUpInput } from "./account-schemas";

/**
 * Creates an email + password account, always as USER: an ADMIN_EMAILS
 * address is promoted only once proven (see promote-admin-email.ts), since
 * anyone can type any address here. The input is already validated.
 */
export async function registerUser(db: DbTx, input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: "USER" },
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
