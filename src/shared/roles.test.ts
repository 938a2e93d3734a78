import { describe, expect, it } from "vitest";
import { ASSIGNABLE_ROLES, assignableRoleSchema, ROLE_GROUP_TITLES, ROLE_LABELS, ROLES, roleSchema } from "./roles";

describe("the role list", () => {
  it("lets admins give every role but GUEST, in the list's order", () => {
    expect(ASSIGNABLE_ROLES).toEqual(["USER", "PREMIUM", "ADMIN"]);
    expect(assignableRoleSchema.safeParse("GUEST").success).toBe(false);
    expect(roleSchema.safeParse("GUEST").success).toBe(true);
  });

  it("names every role, one and many, for the admin screens", () => {
    expect(ROLES.map((role) => ROLE_LABELS[role])).toEqual(["Guest", "User", "Premium", "Admin"]);
    expect(ROLES.map((role) => ROLE_GROUP_TITLES[role])).toEqual(["Guests", "Users", "Premium", "Admins"]);
  });

  it("refuses a role it does not list", () => {
    expect(roleSchema.safeParse("OWNER").success).toBe(false);
  });
});
