"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { ErrorAlert } from "@/components/common/error-alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { parseTooManyAttemptsCode, tooManyAttemptsMessage } from "@/shared/too-many-attempts";
import { safeCallbackUrl } from "@/shared/safe-callback-url";
import { useSignInAttempt } from "./use-sign-in-attempt";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const attempt = useSignInAttempt();
  const { error, pending } = attempt;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void attempt.run(async () => {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result && !result.error) return null;
      // A locked account or IP answers 429; its code carries the wait.
      const wait = result?.status === 429 ? (parseTooManyAttemptsCode(result.code) ?? 60) : null;
      return wait === null ? "Wrong email or password." : tooManyAttemptsMessage(wait);
    }, safeCallbackUrl(callbackUrl));
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-describedby={error ? "sign-in-error" : undefined}>
      <ErrorAlert message={error} id="sign-in-error" />
      <div className="grid gap-2">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        New here?{" "}
        <Link className="font-medium text-foreground underline underline-offset-4" href="/sign-up">
          Create an account
        </Link>
      </p>
    </form>
  );
}
