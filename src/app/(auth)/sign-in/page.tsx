import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { type AuthPageProps, redirectIfSignedIn } from "../redirect-if-signed-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage(props: AuthPageProps) {
  const callbackUrl = await redirectIfSignedIn(props);
  return (
    <AuthCard title="Sign in" description="Welcome back. Your files and chats are waiting.">
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
