import "server-only";
import { z } from "zod";
import { changeEmail } from "@/server/services/account/change-email";
import { changePassword } from "@/server/services/account/change-password";
import { deleteAccount } from "@/server/services/account/delete-account";
import { getAccountSettings } from "@/server/services/account/get-account-settings";
import {
  changeEmailInput,
  changePasswordInput,
  deleteAccountInput,
  unlinkAccountInput,
  updateProfileInput,
} from "@/server/services/account/settings-schemas";
import { signOutEverywhere } from "@/server/services/account/sign-out-everywhere";
import { unlinkAccount } from "@/server/services/account/unlink-account";
import { updateProfile } from "@/server/services/account/update-profile";
import { listOwnSignIns } from "@/server/services/audit/list-own-sign-ins";
import { getStorage } from "@/server/storage";
import { auditContextOf } from "../audit-context";
import { createTRPCRouter, protectedProcedure } from "../trpc";

// The signed-in user's own account. Every procedure acts on ctx.user only:
// no input names a user, so there is no one else's account to reach.
export const settingsRouter = createTRPCRouter({
  get: protectedProcedure
    .input(z.void())
    .output(
      z.object({
        name: z.string().nullable(),
        email: z.string().nullable(),
        hasPassword: z.boolean(),
        createdAt: z.date(),
        accounts: z.array(z.object({ provider: z.string(), linkedAt: z.date() })),
      }),
    )
    .query(({ ctx }) => getAccountSettings(ctx.db, ctx.user.userId)),

  /** The account's last sign-ins and failed attempts, from the audit log. */
  recentSignIns: protectedProcedure
    .input(z.void())
    .output(
      z.array(
        z.object({
          id: z.string(),
          at: z.date(),
          succeeded: z.boolean(),
          method: z.string().nullable(),
          ip: z.string().nullable(),
          userAgent: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx }) => listOwnSignIns(ctx.db, ctx.user.userId)),

  updateProfile: protectedProcedure
    .input(updateProfileInput)
    .output(z.object({ name: z.string().nullable() }))
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.user.userId, input)),

  changeEmail: protectedProcedure
    .input(changeEmailInput)
    .output(z.object({ email: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const result = await changeEmail(ctx.db, ctx.user.userId, input, auditContextOf(ctx));
      // The change ended every session; this browser keeps a fresh one.
      await ctx.reissueSession(ctx.user.userId);
      return result;
    }),

  changePassword: protectedProcedure
    .input(changePasswordInput)
    .output(z.object({ hasPassword: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const result = await changePassword(ctx.db, ctx.user.userId, input, auditContextOf(ctx));
      await ctx.reissueSession(ctx.user.userId);
      ctx.log.info("password changed");
      return result;
    }),

  unlinkAccount: protectedProcedure
    .input(unlinkAccountInput)
    .output(z.object({ provider: z.string() }))
    .mutation(({ ctx, input }) => unlinkAccount(ctx.db, ctx.user.userId, input.provider)),

  /** Ends every session of the account, this browser's too; the client then goes to /sign-in. */
  signOutEverywhere: protectedProcedure
    .input(z.void())
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      const result = await signOutEverywhere(ctx.db, ctx.user.userId, auditContextOf(ctx));
      ctx.log.info("signed out everywhere");
      return result;
    }),

  /** Deletes the account, its rows and stored files. The client signs out afterwards. */
  deleteAccount: protectedProcedure
    .input(deleteAccountInput)
    .output(z.object({ deletedFiles: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const result = await deleteAccount(ctx.db, getStorage(), ctx.user.userId, input.confirmation, auditContextOf(ctx));
      ctx.log.info(result, "account deleted");
      return result;
    }),
});
