// GET/POST /api/auth/* — Auth.js endpoints (session, CSRF, sign-out); sign-in itself goes through the login page.
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
