import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { AuthPage, type AuthPageProps } from "../auth-page";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage({ searchParams }: AuthPageProps) {
  return (
    <AuthPage searchParams={searchParams} title="Create an account" description="Keep your files, job history and document chats." form={(callbackUrl) => <SignUpForm callbackUrl={callbackUrl} />} />
  );
}
