import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { consumeLoginTicket } from "@/lib/domain/auth/consume-login-ticket";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/domain/auth/constants";

// Auth.js carries the session cookie (an encrypted JWT). All sign-in rules (password, lockout, rate limits,
// MFA) live in lib/domain/auth/authenticate.ts, which hands out a one-minute single-use ticket; the
// Credentials provider only redeems that ticket. The JWT names a Session row, so revoking the row
// ("sign out everywhere", password reset) ends the session at once.

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { ticket: {} },
      authorize: async (credentials, request) => {
        const ticket = typeof credentials?.ticket === "string" ? credentials.ticket : "";
        if (!ticket) return null;
        const session = await consumeLoginTicket({
          ticket,
          ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
          userAgent: request.headers.get("user-agent"),
        });
        if (!session) return null;
        return { id: session.userId, email: session.email, name: session.name, sessionId: session.sessionId };
      },
    }),
  ],
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
});
