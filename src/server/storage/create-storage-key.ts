import "server-only";
import { randomBytes } from "node:crypto";

/**
 * 128 characters is UploadThing's limit for a customId, so every valid key can
 * be stored there too. Generated keys are 33 characters.
 */
export const MAX_STORAGE_KEY_LENGTH = 128;

// Segments of letters, digits, `_` and `-` joined by single slashes. With no
// dots, no empty segments and no leading slash, a key can never climb out of
// a storage root, name a hidden temp entry or contain an encoded escape.
const STORAGE_KEY_PATTERN = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;

/** Thrown by drivers for a key that createStorageKey could not have made. */
export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, MAX_STORAGE_KEY_LENGTH))}.`);
    this.name = "InvalidStorageKeyError";
  }
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * A fresh key `yyyy/mm/dd/<128 random bits, base64url>`. The UTC date prefix
 * spreads files over directories on local disk and makes a listing readable;
 * the random part makes keys unguessable and collision-free. Never derived
 * from user input.
 */
export function createStorageKey(now: Date = new Date()): string {
  const day = `${now.getUTCFullYear()}/${pad(now.getUTCMonth() + 1)}/${pad(now.getUTCDate())}`;
  return `${day}/${randomBytes(16).toString("base64url")}`;
}

// Exactly what createStorageKey makes: a UTC date and 16 random bytes in base64url.
const GENERATED_KEY_PATTERN = /^\d{4}\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\/[A-Za-z0-9_-]{22}$/;

/**
 * Whether `key` has the exact shape of a key this app generates. The orphan
 * sweep deletes only such objects: anything else in a bucket or directory
 * (an operator's file, another app's objects) is not FileForge's to remove.
 */
export function isGeneratedStorageKey(key: string): boolean {
  return GENERATED_KEY_PATTERN.test(key);
}

export function isValidStorageKey(key: string): boolean {
  return key.length <= MAX_STORAGE_KEY_LENGTH && STORAGE_KEY_PATTERN.test(key);
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
}
