// temporary: a session cookie for a user (by e-mail) on the running DB
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
const [email, dbUrl, dataDir] = process.argv.slice(2);
const secrets = JSON.parse(fs.readFileSync(`${dataDir}/secrets.json`, "utf8"));
const { encode } = await import("next-auth/jwt");
const c = new pg.Client({ connectionString: dbUrl });
await c.connect();
const u = (await c.query(`SELECT id, "agencyId" FROM "User" WHERE email = $1`, [email])).rows[0];
const sessionId = crypto.randomUUID();
await c.query(`INSERT INTO "Session" (id, "agencyId", "userId", ip, "userAgent", "expiresAt", "lastSeenAt") VALUES ($1, $2, $3, '127.0.0.1', 'search-measure', now() + interval '1 day', now())`, [sessionId, u.agencyId, u.id]);
await c.end();
const token = await encode({ token: { sub: u.id, sid: sessionId }, secret: secrets.AUTH_SECRET, salt: "authjs.session-token", maxAge: 86400 });
console.log(`authjs.session-token=${token}`);
