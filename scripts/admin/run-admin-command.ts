// The `npm run admin` commands over the app's own services, on a Prisma client
// of its own that is closed afterwards (the script must exit).
import { createPrismaClient } from "@/server/db";
import {
  createOperatorAdmin,
  issueSignInToken,
  setAdminByEmail,
  signInLinkUrl,
} from "@/server/services/admin/operator-admin";

export type AdminCommand = {
  command: "create" | "link" | "promote" | "demote";
  email: string;
  password?: string;
  name?: string;
  baseUrl: string;
  databaseUrl?: string;
};

const linkNote = (url: string) =>
  `One-time sign-in link (valid 24 hours, works once; then set a password in Settings):\n\n  ${url}\n`;

/** Runs one command and returns what to print. */
export async function runAdminCommand(input: AdminCommand): Promise<string> {
  const db = createPrismaClient(input.databaseUrl ?? process.env.DATABASE_URL ?? "");
  try {
    switch (input.command) {
      case "create": {
        const { user, token } = await createOperatorAdmin(db, input);
        const done = `Created administrator ${user.email}.`;
        return token ? `${done}\n${linkNote(signInLinkUrl(input.baseUrl, token))}` : `${done} Sign in with the password you gave.`;
      }
      case "link":
        return linkNote(signInLinkUrl(input.baseUrl, await issueSignInToken(db, input.email)));
      case "promote":
        await setAdminByEmail(db, input.email, true);
        return `${input.email} is now an administrator.`;
      case "demote":
        await setAdminByEmail(db, input.email, false);
        return `${input.email} is no longer an administrator (ADMIN_EMAILS will not promote it again).`;
    }
  } finally {
    await db.$disconnect();
  }
}
