import "server-only";
import crypto from "node:crypto";

/** A URL-safe random token for e-mail links; only its hash is stored. */
export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
