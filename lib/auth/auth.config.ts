import type { NextAuthConfig } from "next-auth";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/domain/auth/constants";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId?: string;
  }
}

// The part of the Auth.js set-up that needs no database, shared by proxy.ts (which only reads the cookie)
// and lib/auth/auth.ts (which adds the provider that signs in).
export const authConfig = {
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
