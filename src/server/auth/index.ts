import "server-only";
import NextAuth from "next-auth";
import { createAuthConfig } from "./config";

// Lazy config: nothing here runs until the first request, so `next build`
// needs neither AUTH_SECRET nor a database.
export const { auth, handlers, signIn, signOut } = NextAuth(() => createAuthConfig());
