import "server-only";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/shared/safe-callback-url";
import { auth } from "@/server/auth";

export type AuthPageProps = { searchParams: Promise<{ callbackUrl?: string }> };

type AuthPageShellProps = AuthPageProps & {
  title: string;
  description: string;
  /** The form, told where to go once signed in. */
  form: (callbackUrl: string | undefined) => React.ReactNode;
};

/** Sign-in and sign-up: a signed-in person has nothing to do here and goes straight where they were going. */
export async function AuthPage({ searchParams, title, description, form }: AuthPageShellProps) {
  const { callbackUrl } = await searchParams;
  if ((await auth())?.user) redirect(safeCallbackUrl(callbackUrl));
  return (
    <AuthCard title={title} description={description}>
      {form(callbackUrl)}
    </AuthCard>
  );
}
