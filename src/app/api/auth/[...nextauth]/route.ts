import { handlers } from "@/server/auth";
import { withSignInLimits } from "@/server/auth/limit-credentials-sign-in";

// Credentials sign-in answers 429 with Retry-After once an account or IP is locked.
const limitedPost = withSignInLimits(handlers.POST);

export { limitedPost as POST };
export const { GET } = handlers;
