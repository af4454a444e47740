// GET/POST /api/auth/* — Auth.js endpoints (session, CSRF, sign-out); sign-in itself goes through the login page.
// Open before sign-in, so their bodies are limited: see lib/auth/auth-endpoints.ts.
export { GET, POST } from "@/lib/auth/auth-endpoints";
