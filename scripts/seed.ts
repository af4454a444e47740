// npm run db:seed — adds the demo data where it is missing (running it twice changes nothing).
import { loadLocalEnv } from "./local-env";

const env = await loadLocalEnv();
const { getDb, closeDb } = await import("../lib/db/client");
const { seed } = await import("./seed/demo/seed");
try {
  await seed(getDb(), { log: console.log });
} finally {
  await closeDb();
  await env.stop();
}
