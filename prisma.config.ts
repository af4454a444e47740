import { defineConfig } from "prisma/config";

// The CLI only needs the URL for migrate/db commands on a connected machine; `prisma generate` runs without it.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/tikit" },
});
