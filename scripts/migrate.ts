// npm run db:migrate — applies prisma/migrations to DATABASE_URL (or the embedded database) and exits.
import { loadLocalEnv } from "./local-env";

const env = await loadLocalEnv({ log: console.log });
await env.stop();
