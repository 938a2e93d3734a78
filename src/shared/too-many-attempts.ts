// Shared by the sign-in route's 429 answer and the sign-in form, so a script
// and a person read the same words. The wait travels in next-auth's error
// `code` ("too_many_attempts.<seconds>"): next-auth/react's signIn() hands the
// form only `error`, `code` and `status`.
export const TOO_MANY_ATTEMPTS_CODE = "too_many_attempts";

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  return `Too many attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} min.`;
}

export function tooManyAttemptsCode(retryAfterSeconds: number): string {
  return `${TOO_MANY_ATTEMPTS_CODE}.${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The wait in seconds inside a code, or null for any other code. */
export function parseTooManyAttemptsCode(code: string | undefined | null): number | null {
  const match = code ? /^too_many_attempts(?:\.(\d+))?$/.exec(code) : null;
  return match ? Number(match[1] ?? 60) : null;
}
