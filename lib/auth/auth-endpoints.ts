import "server-only";
import { handlers } from "@/lib/auth/auth";
import { AUTH_BODY_LIMIT_BYTES, withBodyLimit } from "@/lib/auth/limit-body";

// Auth.js's endpoints as app/api/auth/[...nextauth]/route.ts serves them. Open before sign-in, so their bodies are
// limited (lib/auth/limit-body.ts) before Auth.js reads them whole. Here rather than in the route file so that a
// test can load them without importing from app/ (tests/unit/boundaries.test.ts).

export const GET = withBodyLimit(handlers.GET, AUTH_BODY_LIMIT_BYTES);
export const POST = withBodyLimit(handlers.POST, AUTH_BODY_LIMIT_BYTES);
