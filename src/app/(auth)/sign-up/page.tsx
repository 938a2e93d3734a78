import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { type AuthPageProps, redirectIfSignedIn } from "../redirect-if-signed-in";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage(props: AuthPageProps) {
  const callbackUrl = await redirectIfSignedIn(props);
  return (
    <AuthCard title="Create an account" description="Keep your files, job history and document chats.">
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
