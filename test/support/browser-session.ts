import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { GET as authGET } from "@/app/api/auth/[...nextauth]/route";
import { GET as trpcGET, POST as trpcPOST } from "@/app/api/trpc/[trpc]/route";
import { postSignIn } from "./auth-route";

const ORIGIN = "http://localhost:3000";
// What Next adds to every request before a route handler sees it.
const NEXT_HEADERS = { host: "localhost:3000", "x-forwarded-proto": "http" };

type TrpcAnswer = { status: number; data?: unknown; error?: { message: string; data: { code: string } } };

/**
 * One browser: its cookie jar, filled by a real sign-in through next-auth's
 * route and updated from every Set-Cookie the app answers with. Requests go
 * to the real Auth.js and tRPC route handlers, as a browser's would.
 */
export class Browser {
  private jar = new Map<string, string>();

  static async signIn(email: string, password: string) {
    const browser = new Browser();
    const { response, signedIn } = await postSignIn("credentials", { email, password });
    if (!signedIn) throw new Error(`sign-in failed for ${email}`);
    browser.store(response.headers);
    return browser;
  }

  /** A browser holding the given session cookie, e.g. one minted by an older release. */
  static withCookie(name: string, value: string) {
    const browser = new Browser();
    browser.jar.set(name, value);
    return browser;
  }

  cookie(name: string) {
    return this.jar.get(name);
  }

  private headers(extra: Record<string, string> = {}) {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    return { ...NEXT_HEADERS, cookie, ...extra };
  }

  private store(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const split = pair.indexOf("=");
      const name = pair.slice(0, split);
      const value = pair.slice(split + 1);
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "";
      if (expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  /** GET /api/auth/session: what next-auth's useSession() and auth() see. */
  async session(): Promise<Session | null> {
    const response = await authGET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: this.headers() }));
    this.store(response.headers);
    return (await response.json()) as Session | null;
  }

  /** A tRPC query or mutation through /api/trpc (superjson on the wire). */
  async trpc(path: string, input?: unknown, kind: "query" | "mutation" = "query"): Promise<TrpcAnswer> {
    const body = input === undefined ? undefined : JSON.stringify({ json: input });
    const request =
      kind === "query"
        ? new NextRequest(`${ORIGIN}/api/trpc/${path}${body ? `?input=${encodeURIComponent(body)}` : ""}`, { headers: this.headers() })
        : new NextRequest(`${ORIGIN}/api/trpc/${path}`, {
            method: "POST",
            headers: this.headers({ "content-type": "application/json" }),
            body: body ?? "{}",
          });
    const response = await (kind === "query" ? trpcGET : trpcPOST)(request);
    this.store(response.headers);
    const payload = (await response.json()) as { result?: { data: { json: unknown } }; error?: { json: TrpcAnswer["error"] } };
    return { status: response.status, data: payload.result?.data.json, error: payload.error?.json };
  }
}
