import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/shared/safe-callback-url";
import { SignInForm } from "@/components/auth/sign-in-form";
import { auth } from "@/server/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if ((await auth())?.user) redirect(safeCallbackUrl(callbackUrl));
  return (
    <AuthCard title="Sign in" description="Welcome back. Your files and chats are waiting.">
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
