"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorAlert } from "@/components/common/error-alert";
import { Button } from "@/components/ui/button";

// A button, not an automatic sign-in on page load: mail and chat link
// previewers open links, and must not spend the token.
export function OneTimeSignIn({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      const result = await signIn("one-time-link", { token, redirect: false });
      if (!result || result.error) {
        setError("This link has expired or was already used. Ask for a new one: npm run admin -- link <email>.");
        return;
      }
      // Next: a password, so the next sign-in needs no link.
      router.push("/settings");
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="grid gap-4">
      <ErrorAlert message={error} />
      <Button onClick={onClick} disabled={pending || !token}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </div>
  );
}
