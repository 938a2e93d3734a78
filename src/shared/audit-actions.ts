import { z } from "zod";

// Every action the audit log records. Shared with the admin page's filter, so
// it holds no server code.
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "account.password_changed",
  "account.email_changed",
  "account.signed_out_everywhere",
  "account.deleted",
  "admin.role_changed",
  "admin.user_disabled",
  "admin.user_enabled",
  "admin.quota_changed",
  "admin.user_created",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The sign-in outcomes a user sees in Settings. */
export const SIGN_IN_ACTIONS = ["auth.sign_in", "auth.sign_in_failed"] as const satisfies readonly AuditAction[];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "account.password_changed": "Password changed",
  "account.email_changed": "Email changed",
  "account.signed_out_everywhere": "Signed out everywhere",
  "account.deleted": "Account deleted",
  "admin.role_changed": "Role changed",
  "admin.user_disabled": "User disabled",
  "admin.user_enabled": "User enabled",
  "admin.quota_changed": "Quota changed",
  "admin.user_created": "Admin created (CLI)",
};

export const listAuditEventsInput = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Part of an email: events whose actor or subject has a matching address (or snapshot). */
  userEmail: z.string().trim().max(254).optional(),
  userId: z.string().min(1).max(64).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  cursor: z.string().min(1).max(512).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListAuditEventsInput = z.output<typeof listAuditEventsInput>;
