"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorAlert } from "@/components/common/error-alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/trpc/react";
import { safeCallbackUrl } from "@/shared/safe-callback-url";

type FieldErrors = Partial<Record<"name" | "email" | "password", string[]>>;

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const signUp = useMutation(trpc.account.signUp.mutationOptions());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setError(null);
    setFieldErrors({});
    try {
      await signUp.mutateAsync(input);
    } catch (cause) {
      const data = (cause as { data?: { zodError?: { fieldErrors?: FieldErrors } | null } }).data;
      if (data?.zodError?.fieldErrors) setFieldErrors(data.zodError.fieldErrors);
      else setError(cause instanceof Error ? cause.message : "Sign-up failed. Try again.");
      return;
    }
    const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (!result || result.error) {
      setError("Your account was created, but signing in failed. Try signing in.");
      return;
    }
    router.push(safeCallbackUrl(callbackUrl));
    router.refresh();
  }

  // `hint` shows before the first submit (the password rule), so nobody learns it from an error.
  const field = (name: keyof FieldErrors, label: string, props: React.ComponentProps<typeof Input>, hint?: string) => {
    const message = fieldErrors[name]?.[0];
    const described = [hint ? `${name}-hint` : null, message ? `${name}-error` : null].filter(Boolean).join(" ");
    return (
      <div className="grid gap-2">
        <Label htmlFor={name}>{label}</Label>
        <Input
          id={name}
          name={name}
          aria-invalid={message ? true : undefined}
          aria-describedby={described || undefined}
          {...props}
        />
        {hint ? (
          <p id={`${name}-hint`} className="text-sm text-muted-foreground">
            {hint}
          </p>
        ) : null}
        {message ? (
          <p id={`${name}-error`} className="text-sm text-destructive">
            {message}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <ErrorAlert message={error} />
      {field("name", "Name", { autoComplete: "name", required: true, autoFocus: true })}
      {field("email", "Email", { type: "email", autoComplete: "email", required: true })}
      {field("password", "Password", { type: "password", autoComplete: "new-password", required: true, minLength: 8 }, "At least 8 characters.")}
      <Button type="submit" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link className="font-medium text-foreground underline underline-offset-4" href="/sign-in">
          Sign in
        </Link>
      </p>
    </form>
  );
}
