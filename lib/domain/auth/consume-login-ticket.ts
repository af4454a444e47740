import "server-only";
import { db } from "@/lib/db/client";
import { hashToken } from "@/lib/crypto/tokens";
import { SESSION_MAX_AGE_SECONDS } from "./constants";

/** Redeems a sign-in ticket once for a new Session row. Null when unknown, used or expired. */
export async function consumeLoginTicket(input: { ticket: string; ip: string | null; userAgent: string | null }) {
  return db.$transaction(async (tx) => {
    const now = new Date();
    // The conditional update is the single-use guarantee: only one redeemer sees count = 1.
    const claimed = await tx.authToken.updateMany({
      where: { tokenHash: hashToken(input.ticket), type: "LOGIN_TICKET", usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const token = await tx.authToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(input.ticket) },
      select: { user: { select: { id: true, agencyId: true, email: true, name: true, status: true } } },
    });
    if (token.user.status !== "ACTIVE") return null;
    const session = await tx.session.create({
      data: {
        agencyId: token.user.agencyId,
        userId: token.user.id,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      },
    });
    return { sessionId: session.id, userId: token.user.id, email: token.user.email, name: token.user.name };
  });
}
