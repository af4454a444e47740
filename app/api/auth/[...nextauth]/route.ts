// GET/POST /api/auth/* — Auth.js endpoints (session, CSRF, sign-out); sign-in itself goes through the login page.
// Open before sign-in, so their bodies are limited (lib/auth/limit-body.ts) before Auth.js reads them whole.
import { handlers } from "@/lib/auth/auth";
import { AUTH_BODY_LIMIT_BYTES, withBodyLimit } from "@/lib/auth/limit-body";

export const GET = withBodyLimit(handlers.GET, AUTH_BODY_LIMIT_BYTES);
export const POST = withBodyLimit(handlers.POST, AUTH_BODY_LIMIT_BYTES);
