import "server-only";
import type { ApiRequest } from "@/lib/api/http";
import { AppError } from "@/lib/errors";

// Cross-site request forgery guard of the JSON API. The browser attaches the session cookie to a request that
// another site makes it send (a form post, an image, a fetch without credentials mode checks); the cookie's
// SameSite=Lax stops most of that, this stops the rest for every method that changes something. What is own:
// docs/decisions.md, "Input at the edges".

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The origin of APP_URL, when it is set and a URL. */
function appOrigin(): string | null {
  const configured = process.env.APP_URL;
  if (!configured) return null;
  try {
    return new URL(configured).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses (403) an unsafe request that a browser sent from another site: `Sec-Fetch-Site: cross-site`, or an
 * `Origin` that is neither APP_URL's origin nor the host the request was sent to (its Host header; compared
 * without the scheme, as TLS may end at a proxy in front). A request without Origin and Sec-Fetch-Site is not
 * a browser's cross-site request (curl, scripts, the tests) and passes; `Origin: null` (a sandboxed frame, a
 * redirect across sites) is foreign.
 */
export function assertSameOrigin(request: Pick<ApiRequest, "method" | "url" | "headers">) {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return;
  const refused = () => new AppError("FORBIDDEN", "Cross-site requests are refused: send it from the app's own pages");
  if (request.headers.get("sec-fetch-site")?.trim().toLowerCase() === "cross-site") throw refused();
  const origin = request.headers.get("origin");
  if (origin === null) return;
  let sender: URL;
  try {
    sender = new URL(origin);
  } catch {
    throw refused();
  }
  if (sender.origin === "null") throw refused();
  if (sender.origin === appOrigin()) return;
  if (sender.host === new URL(request.url).host) return;
  throw refused();
}
