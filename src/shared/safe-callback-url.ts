/**
 * Where to send a user after sign-in, sign-up or sign-out: only a path on this
 * site. Runs in the browser (the forms) and on the server (pages, Auth.js's
 * redirect callback), so it must not import anything server-side.
 *
 * Browsers forgive a lot when they resolve a URL — they drop tabs and
 * newlines, read `\` as `/`, and a path that starts with `//` names another
 * host — and a value may be decoded once more by a router or a proxy. So the
 * rule is strict rather than clever: after normalization the path starts with
 * one `/` and then a letter or digit (or is the bare root, optionally with a
 * query or fragment), and neither the raw value nor any decoding of it holds a
 * control character or a backslash. Anything else falls back.
 */

const DUMMY_ORIGIN = "http://fileforge.invalid";
const MAX_LENGTH = 2048;
// C0/C1 controls, space-likes a browser strips, bidi marks, and backslashes.
const UNSAFE_RAW = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/u;
const UNSAFE_DECODED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\\]/u;
const SAFE_START = /^\/(?:[A-Za-z0-9]|$|[?#])/;

/** Decodes percent-escapes until stable (a few rounds), or null if malformed. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * `value` if it is a safe same-site path (or an absolute URL on `origin`,
 * returned as its path), else `fallback`.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/dashboard", origin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  let candidate = value;
  if (origin && candidate.startsWith(`${origin}/`)) candidate = candidate.slice(origin.length);
  if (UNSAFE_RAW.test(candidate) || !SAFE_START.test(candidate)) return fallback;

  const decoded = fullyDecoded(candidate);
  if (decoded === null || UNSAFE_DECODED.test(decoded) || !SAFE_START.test(decoded)) return fallback;

  let url: URL;
  try {
    url = new URL(candidate, DUMMY_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== DUMMY_ORIGIN) return fallback;
  const normalized = `${url.pathname}${url.search}${url.hash}`;
  return SAFE_START.test(normalized) ? normalized : fallback;
}

/**
 * Auth.js's `redirect` callback: a same-origin absolute URL whose path passed
 * `safeCallbackUrl`, so every Location it produces stays on this site.
 */
export function safeAuthRedirect(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  return `${origin}${safeCallbackUrl(url, "/dashboard", origin)}`;
}
