import "server-only";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { auth } from "@/server/auth";

export type AuthPageProps = { searchParams: Promise<{ callbackUrl?: string }> };

/** Sign-in and sign-up pages have nothing to offer a signed-in person: send them where they were going. Returns that place otherwise. */
export async function redirectIfSignedIn({ searchParams }: AuthPageProps): Promise<string | undefined> {
  const { callbackUrl } = await searchParams;
  if ((await auth())?.user) redirect(safeCallbackUrl(callbackUrl));
  return callbackUrl;
}
