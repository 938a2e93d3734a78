"use client";

import { signIn } from "next-auth/react";
import { ErrorAlert } from "@/components/common/error-alert";
import { Button } from "@/components/ui/button";
import { useSignInAttempt } from "./use-sign-in-attempt";

// A button, not an automatic sign-in on page load: mail and chat link
// previewers open links, and must not spend the token.
export function OneTimeSignIn({ token }: { token: string }) {
  const attempt = useSignInAttempt();

  function onClick() {
    // On success: a password next, so the next sign-in needs no link.
    void attempt.run(async () => {
      const result = await signIn("one-time-link", { token, redirect: false });
      return !result || result.error ? "This link has expired or was already used. Ask for a new one: npm run admin -- link <email>." : null;
    }, "/settings");
  }

  return (
    <div className="grid gap-4">
      <ErrorAlert message={attempt.error} />
      <Button onClick={onClick} disabled={attempt.pending || !token}>
        {attempt.pending ? "Signing in…" : "Sign in"}
      </Button>
    </div>
  );
}
