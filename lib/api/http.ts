import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError, toAppError, toErrorBody } from "@/lib/errors";
import { withQuerySignal } from "@/lib/db/sql";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "@/lib/domain/text";

// The JSON API's HTTP layer. Its handlers live in pages/api (Next.js API routes on Node's own request and
// response) rather than in app/api route handlers: an app route handler builds a web Request, runs in the
// App Router's request scope and streams a web Response back, which cost the server 0.84 ms of CPU per request
// for an empty handler against 0.43 ms for the same empty handler as an API route (docs/performance.md,
// docs/decisions.md "The JSON API on API routes"). Handlers keep the web shape the rest of the code knows: they
// read an ApiRequest (a web Request satisfies it, which is what the tests pass) and return a JsonResponse (the
// common case, serialized once into the socket) or a web Response (files, PDFs and CSV streams).

/** What a handler reads from the request: the subset of a web Request the API uses. */
export interface ApiRequest {
  readonly method: string;
  /** Absolute URL (scheme and host from the request's Host header). */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/** A JSON answer: status, headers and the serialized body (tests read it as they would a web Response). */
export class JsonResponse {
  readonly body: string;
  constructor(
    data: unknown,
    readonly status = 200,
    readonly headerValues: Readonly<Record<string, string>> = {},
  ) {
    this.body = JSON.stringify(data);
  }
  get headers(): Headers {
    return new Headers({ "content-type": "application/json", ...this.headerValues });
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
  async text(): Promise<string> {
    return this.body;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.body).buffer as ArrayBuffer;
  }
}

export type ApiResult = JsonResponse | Response;
export type RouteContext = { params: Promise<Record<string, string>> };
export type RouteHandler = (request: ApiRequest, route: RouteContext) => Promise<ApiResult> | ApiResult;

/** `json(data)`, `json(data, 201)`, `json(data, 201, { "Cache-Control": "no-store" })`. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): JsonResponse {
  return new JsonResponse(data, status, headers);
}

/** The JSON answer for any thrown value (an unexpected one is logged by toAppError and answered generically). */
export function toErrorResponse(error: unknown): JsonResponse {
  const appError = toAppError(error);
  const headers: Record<string, string> = {};
  if (appError.retryAfterSeconds) headers["Retry-After"] = String(appError.retryAfterSeconds);
  return new JsonResponse(toErrorBody(appError), appError.status, headers);
}

/**
 * Largest body read whole (JSON, or a CSV import: 5 MB and its JSON wrapping); uploads stream instead and have
 * their own limit. A larger body is refused with 413 before it is all in memory.
 */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

/**
 * Reads a JSON body; a body that is not JSON is a 400 that says so (one over MAX_BODY_BYTES, a 413). With
 * `whenEmpty`, an empty body stands for that value (for routes whose body is optional).
 * The body must be sent as `application/json` (415 otherwise): a cross-site HTML form can only send
 * text/plain, urlencoded or multipart, so a JSON body cannot be forged by one (docs/decisions.md, "Input at the
 * edges"). A control character in any string or key is refused here, naming its path, so that no route reaches
 * the database with one whatever its schema (PostgreSQL refuses NUL).
 */
export async function readJson(request: ApiRequest, options: { whenEmpty?: unknown } = {}): Promise<unknown> {
  const json = isJsonContentType(request.headers.get("content-type"));
  if (!json && !("whenEmpty" in options)) throw unsupportedMediaType();
  const text = await request.text();
  if ("whenEmpty" in options && !text.trim()) return options.whenEmpty;
  if (!json) throw unsupportedMediaType();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON");
  }
  const path = controlCharacterPath(body);
  if (path !== null) {
    const field = path || "_";
    throw new AppError("VALIDATION_FAILED", `Check ${path || "the body"}: ${CONTROL_CHARACTER_MESSAGE}`, {
      fields: { [field]: CONTROL_CHARACTER_MESSAGE },
    });
  }
  return body;
}

/** `application/json`, optionally with `charset=utf-8` (the body is read as UTF-8, so no other charset). */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return parameters.every((p) => !p.startsWith("charset=") || p.replace(/^charset=/, "").replace(/"/g, "") === "utf-8");
}

function unsupportedMediaType() {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json");
}

/** The path ("lines.0.description") of the first string or key holding a control character, or null. */
function controlCharacterPath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return hasControlCharacter(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlCharacterPath(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (hasControlCharacter(key)) return at;
      const found = controlCharacterPath(inner, at);
      if (found !== null) return found;
    }
  }
  return null;
}

class NodeApiRequest implements ApiRequest {
  readonly method: string;
  readonly url: string;
  private consumed = false;
  constructor(private readonly req: IncomingMessage) {
    this.method = req.method ?? "GET";
    this.url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  }
  readonly headers = {
    get: (name: string): string | null => {
      const value = this.req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
  private stream: ReadableStream<Uint8Array> | null = null;
  /** The same stream on every read (a web Request's `body` is one stream too). */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.method === "GET" || this.method === "HEAD") return null;
    if (!this.stream) {
      this.take();
      this.stream = Readable.toWeb(this.req) as unknown as ReadableStream<Uint8Array>;
    }
    return this.stream;
  }
  async text(): Promise<string> {
    this.take();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES)
        throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString("utf8");
  }
  private take() {
    if (this.consumed) throw new TypeError("The request body has already been read");
    this.consumed = true;
  }
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * The default export of a pages/api file: dispatches on the method (HEAD as GET without a body; an
 * unlisted method is a 405 with `Allow`), passes the dynamic segments as `params`, and writes the result.
 * Anything a handler throws outside withAuth (which answers its own errors) is logged and answered generically.
 */
export function apiRoute(handlers: Partial<Record<Method, RouteHandler>>) {
  const allow = [...METHODS.filter((m) => handlers[m]), ...(handlers.GET ? ["HEAD"] : [])].join(", ");
  return async function handle(
    req: IncomingMessage & { query: Partial<Record<string, string | string[]>> },
    res: ServerResponse,
  ) {
    const head = req.method === "HEAD";
    const handler = handlers[(head ? "GET" : req.method) as Method];
    let result: ApiResult;
    if (!handler) {
      result = json({ error: { code: "METHOD_NOT_ALLOWED", message: `${req.method} is not supported here` } }, 405, {
        Allow: allow,
      });
    } else {
      // A client that goes away before the answer is complete aborts this: the hot reads still running for it are
      // cancelled on the server (lib/db/sql.ts).
      const gone = new AbortController();
      res.once("close", () => {
        if (!res.writableFinished) gone.abort();
      });
      try {
        result = await withQuerySignal(gone.signal, () =>
          handler(new NodeApiRequest(req), { params: Promise.resolve(routeParams(req.query)) }),
        );
      } catch (error) {
        result = toErrorResponse(error);
      }
    }
    await send(res, result, head);
  };
}

/** Next.js merges the dynamic segments into `query` (a segment wins over a query parameter of its name). */
function routeParams(query: Partial<Record<string, string | string[]>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key in query) {
    const value = query[key];
    if (typeof value === "string") params[key] = value;
  }
  return params;
}

async function send(res: ServerResponse, result: ApiResult, head: boolean) {
  res.statusCode = result.status;
  if (result instanceof JsonResponse) {
    res.setHeader("Content-Type", "application/json");
    for (const name in result.headerValues) res.setHeader(name, result.headerValues[name]);
    res.setHeader("Content-Length", Buffer.byteLength(result.body));
    res.end(head ? undefined : result.body);
    return;
  }
  result.headers.forEach((value, name) => res.setHeader(name, value));
  if (!result.body || head) {
    await result.body?.cancel();
    res.end();
    return;
  }
  try {
    await pipeline(Readable.fromWeb(result.body as unknown as import("node:stream/web").ReadableStream), res);
  } catch (error) {
    // The client went away mid-download, or the source failed after the headers left: nothing more to send.
    if (!res.destroyed) res.destroy(error as Error);
  }
}
