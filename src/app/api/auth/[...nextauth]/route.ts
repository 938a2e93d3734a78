import { handlers } from "@/server/auth";
import { withSignInLimits } from "@/server/auth/limit-credentials-sign-in";

export const GET = handlers.GET;
// Credentials sign-in answers 429 with Retry-After once an account or IP is locked.
export const POST = withSignInLimits(handlers.POST);
