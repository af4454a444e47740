import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/lib/auth/auth-endpoints";
import { AUTH_BODY_LIMIT_BYTES } from "@/lib/auth/limit-body";

// /api/auth/* answers before sign-in: a body over AUTH_BODY_LIMIT_BYTES is a 413 after at most that many bytes
// (Auth.js read any body whole). The server entry refuses a declared length earlier; this is the chunked case.
// Auth.js itself does not load under Vitest (next-auth imports "next/server" without an extension), so a stand-in
// that reads the whole body, as Auth.js does, takes its place; the real one, over a real socket, is in
// tests/integration/http-server.test.ts.
vi.mock("@/lib/auth/auth", () => {
  const echo = async (request: Request) => new Response(await request.text(), { status: 200 });
  return { handlers: { GET: echo, POST: echo } };
});

const MB = 1024 * 1024;

/** A 50 MB body that counts how much of it was read. */
function endlessForm() {
  const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= 50 * MB) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, state };
}

describe("the Auth.js route's body limit", () => {
  it("answers 413 to a 50 MB chunked body having read no more than the limit", async () => {
    const { body, state } = endlessForm();
    const request = new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(state.pulled).toBeLessThanOrEqual(AUTH_BODY_LIMIT_BYTES + 3 * 64 * 1024); // the stream reads a little ahead
  });

  it("answers 413 to a declared length over the limit without reading", async () => {
    const { body, state } = endlessForm();
    const request = new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(50 * MB) },
      body,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    expect((await POST(request)).status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(3 * 64 * 1024);
  });

  it("passes a small body on whole", async () => {
    const form = new URLSearchParams({ csrfToken: "x".repeat(1000), ticket: "t" }).toString();
    const response = await POST(
      new NextRequest("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(form);
  });
});
