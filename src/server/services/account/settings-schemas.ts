import "server-only";
import { z } from "zod";
import { emailSchema, passwordSchema } from "./account-schemas";

// Inputs of the settings procedures, shared with the settings forms so the
// browser shows the same messages the server would.
export const nameSchema = z.string().trim().min(1, "Tell us your name.").max(100, "Use at most 100 characters.");

// Only checked against the stored hash; the bound keeps hashing cost fixed for hostile input.
const currentPasswordSchema = z.string().min(1, "Enter your current password.").max(128);

export const updateProfileInput = z.object({ name: nameSchema });

export const changeEmailInput = z.object({
  email: emailSchema,
  /** Required when the account has a password; OAuth-only accounts have none to give. */
  currentPassword: currentPasswordSchema.optional(),
});

export const changePasswordInput = z.object({
  /** Required when the account has a password; an OAuth-only account sets its first one. */
  currentPassword: currentPasswordSchema.optional(),
  newPassword: passwordSchema,
});

export const unlinkAccountInput = z.object({ provider: z.string().min(1).max(64) });

export const deleteAccountInput = z.object({ confirmation: z.string().trim().max(254) });
