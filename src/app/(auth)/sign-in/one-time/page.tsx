import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { OneTimeSignIn } from "@/components/auth/one-time-sign-in";

export const metadata: Metadata = { title: "Sign in with a one-time link" };

export default async function OneTimeSignInPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthCard
      title="Sign in with a one-time link"
      description="This link works once. After signing in, set a password in Settings."
    >
      <OneTimeSignIn token={token ?? ""} />
    </AuthCard>
  );
}
