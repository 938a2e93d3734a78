import { handlers } from "@/server/auth";
import { withSignInLimits } from "@/server/auth/limit-credentials-sign-in";
import { withRequestHeaders } from "@/server/auth/request-headers";

// Credentials sign-in answers 429 with Retry-After once an account or IP is
// locked. Both handlers expose their request's headers to Auth.js events
// (the audit log's IP and user agent for a sign-in).
const limitedPost = withRequestHeaders(withSignInLimits(handlers.POST));
const get = withRequestHeaders(handlers.GET);

export { limitedPost as POST, get as GET };
