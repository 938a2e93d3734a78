import "server-only";
import { createTransport } from "nodemailer";
import { env } from "@/env";
import type { DbTx } from "@/server/db";
import { logger } from "@/server/logger";
import { issueToken } from "./one-time-token";

const LINK_TTL_MS = 48 * 60 * 60 * 1000;

export type MailSettings = { smtpUrl?: string; from: string; baseUrl?: string };
const mailSettings = (): MailSettings => ({ smtpUrl: env.SMTP_URL, from: env.SMTP_FROM, baseUrl: env.AUTH_URL });

/**
 * Mails a single-use link that proves the account owns its address. The
 * link's origin is AUTH_URL, never the request's Host header: a forged Host
 * would otherwise send the owner a link to someone else's site, and the
 * token with it. Returns whether a mail went out; never throws, so a mail
 * server that is down does not stop a sign-up.
 */
export async function sendVerificationEmail(
  db: DbTx,
  user: { id: string; email: string | null },
  settings: MailSettings = mailSettings(),
): Promise<boolean> {
  if (!settings.smtpUrl || !user.email) return false;
  if (!settings.baseUrl) {
    logger.error("SMTP_URL is set but AUTH_URL is not: set AUTH_URL to this site's public origin so verification links can be sent");
    return false;
  }
  try {
    const token = await issueToken(db, "verify-email", `${user.id}:${user.email}`, LINK_TTL_MS);
    const link = new URL("/api/auth/verify-email", settings.baseUrl);
    link.searchParams.set("token", token);
    await createTransport(settings.smtpUrl).sendMail({
      from: settings.from,
      to: user.email,
      subject: "Confirm your email address for FileForge",
      text: `Confirm that this is your address by opening this link (valid 48 hours, works once):\n\n${link.toString()}\n\nIf you did not create a FileForge account, ignore this message.\n`,
    });
    return true;
  } catch (error) {
    logger.error({ err: error, userId: user.id }, "verification email not sent");
    return false;
  }
}
