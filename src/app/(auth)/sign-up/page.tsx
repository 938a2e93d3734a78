import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/shared/safe-callback-url";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { auth } from "@/server/auth";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if ((await auth())?.user) redirect(safeCallbackUrl(callbackUrl));
  return (
    <AuthCard title="Create an account" description="Keep your files, job history and document chats.">
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
