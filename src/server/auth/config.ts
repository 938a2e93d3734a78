import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { cookies, headers } from "next/headers";
import type { NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/env";
import { safeAuthRedirect } from "@/shared/safe-callback-url";
import { db } from "@/server/db";
import { requestIsHttps } from "@/server/http/request-is-https";
import { logger } from "@/server/logger";
import type { Role } from "@/server/db/generated/enums";
import { allowSignIn } from "./allow-sign-in";
import { authorizeCredentials } from "./authorize-credentials";
import { authorizeOneTimeLink } from "./authorize-one-time-link";
import { checkSessionToken } from "./check-session-token";
import { handleSignIn } from "./handle-sign-in";
import { recordSignIn } from "./record-sign-in";
import { currentRequestHeaders } from "./request-headers";
import { getAuthSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null; image?: string | null };
  }
}

function buildProviders(): Provider[] {
  const providers: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(db, credentials, request),
    }),
    // Single-use links printed by `npm run admin` (the operator's first sign-in).
    Credentials({
      id: "one-time-link",
      name: "One-time link",
      credentials: { token: { label: "Token", type: "text" } },
      authorize: (credentials, request) => authorizeOneTimeLink(db, credentials, request),
    }),
  ];
  // OAuth providers appear only when their credentials are configured.
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  return providers;
}

/** Which sign-in methods the UI should offer. */
export function listOAuthProviders(): { id: "github" | "google"; name: string }[] {
  const list: { id: "github" | "google"; name: string }[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}

export function createAuthConfig(): NextAuthConfig {
  return {
    adapter: PrismaAdapter(db),
    // Credentials sign-in requires JWT sessions in Auth.js; OAuth uses them too
    // so there is one session mechanism to reason about.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    secret: getAuthSecret(),
    // Self-hosted behind any proxy; Auth.js checks the Host header otherwise.
    trustHost: true,
    pages: { signIn: "/sign-in" },
    logger: {
      // A wrong password is an expected outcome shown inline, not a server error.
      error: (error) => {
        if (error.name !== "CredentialsSignin") logger.error({ err: error }, "auth error");
      },
      warn: (code) => logger.warn({ code }, "auth warning"),
    },
    providers: buildProviders(),
    events: {
      async signIn({ user, account }) {
        // Recorded first: the guest hand-over below needs Next's cookie jar,
        // and its failure must not lose the record.
        if (user.id) {
          await recordSignIn(db, await currentRequestHeaders(), { id: user.id, email: user.email ?? null }, account?.provider ?? "unknown");
        }
        const jar = await cookies();
        const secure = requestIsHttps(await headers());
        await handleSignIn(db, {
          secure,
          get: (name) => jar.get(name),
          // A __Host- cookie is only replaced by one with Secure and Path=/.
          delete: (name) => jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure }),
        }, user);
      },
    },
    callbacks: {
      signIn: ({ user }) => allowSignIn(db, user),
      // Every Location Auth.js sends (sign-in, sign-out, errors) stays on this site.
      redirect: ({ url, baseUrl }) => safeAuthRedirect(url, baseUrl),
      jwt({ token, user }) {
        const signingIn = Boolean(user?.id);
        if (user?.id) token.sub = user.id;
        return checkSessionToken(db, token, signingIn);
      },
      session({ session, token }) {
        // checkSessionToken has just read these from the database.
        if (token.sub) session.user.id = token.sub;
        session.user.role = token.role ?? "USER";
        session.user.name = token.name ?? null;
        session.user.email = token.email ?? session.user.email;
        return session;
      },
    },
  };
}
