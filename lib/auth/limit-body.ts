import "server-only";
import { NextRequest } from "next/server";
import { toErrorBody, AppError } from "@/lib/errors";

export { AUTH_BODY_LIMIT_BYTES } from "@/scripts/server-edge.mjs";

type RouteHandler = (request: NextRequest) => Promise<Response>;

function tooLarge(limit: number) {
  const body = toErrorBody(new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${limit / 1024} KB`));
  // The rest of the body stays unread; the server entry closes the connection soon after (scripts/server.mjs).
  return Response.json(body, { status: 413 });
}

/**
 * Wraps a route handler that reads its body whole (Auth.js does): a Content-Length over `limit` is refused at once
 * (the server entry already does, this holds without it), a chunked body as soon as `limit` bytes have arrived;
 * otherwise the handler gets a new request with the bytes read.
 */
export function withBodyLimit(handler: RouteHandler, limit: number): RouteHandler {
  return async (request) => {
    const declared = request.headers.get("content-length");
    if (declared !== null && !(Number(declared) <= limit)) return tooLarge(limit);
    if (!request.body) return handler(request);
    const reader = request.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        reader.releaseLock();
        return tooLarge(limit);
      }
      chunks.push(value);
    }
    return handler(
      new NextRequest(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) }),
    );
  };
}
