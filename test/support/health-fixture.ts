import { postSignIn } from "./auth-route";
import { createTestUser } from "./callers";

const PASSWORD = "a long enough password";

async function sessionCookieOf(role: "ADMIN" | "USER") {
  const user = await createTestUser({ role, password: PASSWORD });
  const { response } = await postSignIn("credentials", { email: String(user.email), password: PASSWORD });
  return response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

/** Session cookies of a fresh admin and a fresh user, signed in through the real Auth.js route. */
export async function createPublicHealthFixture() {
  return { adminCookie: await sessionCookieOf("ADMIN"), userCookie: await sessionCookieOf("USER") };
}
