import "server-only";
import { z } from "zod";
import { signUpInput } from "@/server/services/account/account-schemas";
import { sendVerificationEmail } from "@/server/auth/send-verification-email";
import { clientIp, enforceIpRateLimit } from "@/server/quotas/rate-limit";
import { registerUser } from "@/server/services/account/register-user";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  /** Creates an email + password account; the client then signs in. */
  signUp: publicProcedure
    .input(signUpInput)
    .output(z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      // Per IP: a taken email is revealed here on purpose (a person needs to
      // know), so the number of tries is what keeps it from being a lookup.
      await enforceIpRateLimit("signUp", clientIp(ctx.headers));
      const user = await registerUser(ctx.db, input);
      // With SMTP_URL set; a mail server that is down does not stop the sign-up.
      await sendVerificationEmail(ctx.db, user);
      ctx.log.info({ userId: user.id }, "account created");
      return { id: user.id, email: user.email, name: user.name };
    }),
});
