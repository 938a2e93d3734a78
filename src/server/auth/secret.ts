import "server-only";
import { env } from "@/env";

/** AUTH_SECRET, which the launcher generates when it is unset. */
export function getAuthSecret(): string {
  if (!env.AUTH_SECRET) {
    throw new Error(
      "AUTH_SECRET is not set. `npm run dev` and `npm start` generate one into the data directory; in other deployments set AUTH_SECRET (32+ random characters, e.g. `openssl rand -base64 32`).",
    );
  }
  return env.AUTH_SECRET;
}
