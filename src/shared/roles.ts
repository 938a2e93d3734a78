import { z } from "zod";
import type { Role as DatabaseRole } from "@/server/db/generated/enums";

// The one list of roles. The Prisma enum Role is the database's copy of it;
// everything else (zod inputs and outputs, the admin screens, default quotas)
// derives from this list, so a new role is added here and in the schema only.

/** In order of growing rights; the admin screens list roles in this order. */
export const ROLES = ["GUEST", "USER", "PREMIUM", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

/** Roles an admin can give. GUEST is the role of cookie visitors, never of an account. */
export const assignableRoleSchema = roleSchema.exclude(["GUEST"]);
export type AssignableRole = z.infer<typeof assignableRoleSchema>;
export const ASSIGNABLE_ROLES = assignableRoleSchema.options;

/** One account or visitor of the role: "Premium" in "Ada is now Premium". */
export const ROLE_LABELS: Record<Role, string> = { GUEST: "Guest", USER: "User", PREMIUM: "Premium", ADMIN: "Admin" };

/** Everyone of the role, as a heading: "Guests", "Admins". */
export const ROLE_GROUP_TITLES: Record<Role, string> = { GUEST: "Guests", USER: "Users", PREMIUM: "Premium", ADMIN: "Admins" };

// Fails typecheck when this list and the Prisma enum drift apart, either way.
// A type-only import: nothing of the server reaches a client bundle.
type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type RolesMatchDatabase = Holds<SameUnion<Role, DatabaseRole>>;
