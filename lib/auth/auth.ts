import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddressOf } from "@/lib/auth/client-address";
import { consumeLoginTicket } from "@/lib/domain/auth/consume-login-ticket";
import { authConfig } from "./auth.config";

// Auth.js carries the session cookie (an encrypted JWT). All sign-in rules (password, lockout, rate limits,
// MFA) live in lib/domain/auth/authenticate.ts, which hands out a one-minute single-use ticket; the
// Credentials provider only redeems that ticket. The JWT names a Session row, so revoking the row
// ("sign out everywhere", password reset) ends the session at once.

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { ticket: {} },
      authorize: async (credentials, request) => {
        const ticket = typeof credentials?.ticket === "string" ? credentials.ticket : "";
        if (!ticket) return null;
        const session = await consumeLoginTicket({
          ticket,
          ip: clientAddressOf(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        if (!session) return null;
        return { id: session.userId, email: session.email, name: session.name, sessionId: session.sessionId };
      },
    }),
  ],
});
