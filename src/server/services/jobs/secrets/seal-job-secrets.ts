import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getAuthSecret } from "@/server/auth/secret";

// AES-256-GCM under a key derived per job from AUTH_SECRET: the database (and
// a backup of it) holds only ciphertext, a sealed value opens for its own job
// only, and rotating AUTH_SECRET makes every sealed value unreadable.
const VERSION = "v1";
const INFO = "fileforge job secret options v1";

function keyFor(jobId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", getAuthSecret(), jobId, INFO, 32));
}

export type JobSecrets = Record<string, string>;

/** `v1.<iv>.<tag>.<ciphertext>` (base64url), to keep in Job.sealedOptions until the job ends. */
export function sealJobSecrets(jobId: string, secrets: JobSecrets): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(jobId), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export class SealedSecretsError extends Error {
  constructor() {
    super("The job's passwords could not be read back (was AUTH_SECRET changed?). Run the job again and enter them.");
    this.name = "SealedSecretsError";
  }
}

/** The secrets sealed for this job; SealedSecretsError for another job's value, a tampered one, or another AUTH_SECRET. */
export function openJobSecrets(jobId: string, sealed: string): JobSecrets {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SealedSecretsError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(jobId), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    return JSON.parse(plain) as JobSecrets;
  } catch {
    throw new SealedSecretsError();
  }
}
