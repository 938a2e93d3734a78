import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthPage, type AuthPageProps } from "../auth-page";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage({ searchParams }: AuthPageProps) {
  return (
    <AuthPage searchParams={searchParams} title="Sign in" description="Welcome back. Your files and chats are waiting." form={(callbackUrl) => <SignInForm callbackUrl={callbackUrl} />} />
  );
}
