import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id (the library default) with OWASP's minimum parameters: 19 MiB,
// 2 passes, 1 lane. Prebuilt N-API binary, so no compiler at install.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password, options);
  } catch {
    // A malformed stored hash is a failed sign-in, not a server error.
    return false;
  }
}

// Verified against when no user matches, so a sign-in for an unknown email
// costs the same time as one with a wrong password.
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-for-timing");
  return decoyHash;
}
