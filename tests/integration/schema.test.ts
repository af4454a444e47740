import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { compareSchema, readCatalog, type AllowList, type Catalog } from "../setup/schema-compare";

// Proves that the hand-written migrations build exactly the database the Prisma schema describes.

const SCHEMA_DIR = path.join(process.cwd(), "prisma", "schema");
const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** The only database objects allowed beyond the Prisma schema (see "Beyond the Prisma schema" in the migration). */
const ALLOWED: AllowList = {
  tables: ["_prisma_migrations"],
  indexes: [
    "Client_name_trgm_idx",
    "Client_id_agencyId_key",
    "InfluencerProfile_displayName_trgm_idx",
    "InfluencerProfile_search_idx",
    "SocialAccount_handle_trgm_idx",
    "InfluencerProfile_niches_gin_idx",
    "InfluencerProfile_languages_gin_idx",
    "Campaign_name_trgm_idx",
    "ApprovalItem_one_pending_idx",
    "Campaign_id_agencyId_key",
    "InfluencerProfile_id_agencyId_key",
    "CampaignInfluencer_id_agencyId_key",
    "ContentTask_id_agencyId_key",
    "FinancialObject_id_agencyId_key",
    "FinancialObject_number_seq_idx",
    "ApprovalItem_finance_queue_idx",
    "ApprovalItem_finance_queue_user_idx",
  ],
  foreignKeys: [
    "Contact_clientId_agencyId_fkey",
    "Campaign_clientId_agencyId_fkey",
    "CampaignInfluencer_campaignId_agencyId_fkey",
    "CampaignInfluencer_influencerId_agencyId_fkey",
    "SocialAccount_influencerId_agencyId_fkey",
    "ApprovalItem_campaignId_agencyId_fkey",
    "ContentTask_campaignId_agencyId_fkey",
    "ContentTask_assignmentId_agencyId_fkey",
    "ContentTask_influencerId_agencyId_fkey",
    "ContentArtifact_taskId_agencyId_fkey",
    "ContentReview_taskId_agencyId_fkey",
    "FinancialObject_campaignId_agencyId_fkey",
    "FinancialObject_clientId_agencyId_fkey",
    "FinancialObject_parentId_agencyId_fkey",
    "FinancialLine_objectId_agencyId_fkey",
    "FinancialRevision_objectId_agencyId_fkey",
    "InvoiceCounter_agencyId_fkey",
    "AgencyBilling_agencyId_fkey",
  ],
};

function readDatamodel() {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8"))
    .join("\n");
}

const datamodel = readDatamodel();
let client: pg.Client;
let catalog: Catalog;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("ownerUrl") });
  await client.connect();
  catalog = await readCatalog(client);
});

afterAll(async () => {
  await client?.end();
});

function report(problems: string[]) {
  return `The database differs from the Prisma schema in ${problems.length} place(s):\n  - ${problems.join("\n  - ")}`;
}

describe("the migrated database matches the Prisma schema", () => {
  test("tables, columns, types, nullability, enums, indexes and foreign keys", async () => {
    const problems = await compareSchema(datamodel, catalog, ALLOWED);
    expect(problems, report(problems)).toEqual([]);
    // The comparison looked at something: every model's table and its columns were read.
    expect(catalog.tables).toEqual(
      expect.arrayContaining(["User", "Client", "Contact", "AuditLog", "_prisma_migrations"]),
    );
    expect(catalog.columns.find((c) => c.table === "Client" && c.column === "tags")?.type).toBe("text[]");
  });

  test("_prisma_migrations has one finished row per migration folder, with the SHA-256 of its migration.sql", async () => {
    const folders = fs
      .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders.length).toBeGreaterThan(0);
    const expected = folders.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      expect(fs.existsSync(file), `${name} has a migration.sql`).toBe(true);
      return {
        migration_name: name,
        checksum: crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
        finished: true,
        rolled_back: false,
      };
    });
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished: boolean;
      rolled_back: boolean;
    }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(expected);
  });
});

describe("the comparison finds drift (it can fail)", () => {
  /** The real datamodel with one exact edit; throws if the text to change is not there. */
  function edited(find: string, replace: string) {
    expect(datamodel.includes(find), `the schema contains ${JSON.stringify(find)}`).toBe(true);
    return datamodel.replace(find, replace);
  }

  test("a field added to a model is reported as a missing column", async () => {
    const problems = await compareSchema(
      edited("model Client {\n", "model Client {\n  extraField String\n"),
      catalog,
      ALLOWED,
    );
    expect(problems).toEqual([`column "Client"."extraField" (Client.extraField) is missing`]);
  });

  test("a removed field is reported as an extra column", async () => {
    const problems = await compareSchema(edited("  notes           String?\n", ""), catalog, ALLOWED);
    expect(problems).toEqual([`extra column "Client"."notes": not a field of model Client`]);
  });

  test("a changed optionality or native type is reported", async () => {
    const required = await compareSchema(
      edited("  legalName       String?\n", "  legalName       String\n"),
      catalog,
      ALLOWED,
    );
    expect(required).toEqual([`column "Client"."legalName" (Client.legalName) is NULL-able, expected NOT NULL`]);
    const wider = await compareSchema(edited("String?      @db.Char(2)", "String?      @db.Char(3)"), catalog, ALLOWED);
    expect(wider).toEqual([`column "Client"."country" (Client.country) has type character(2), expected character(3)`]);
    const plain = await compareSchema(
      edited("  agencyId   String?  @db.Uuid\n  actorId", "  agencyId   String?\n  actorId"),
      catalog,
      ALLOWED,
    );
    expect(plain).toEqual([`column "AuditLog"."agencyId" (AuditLog.agencyId) has type uuid, expected text`]);
  });

  test("a changed enum, a new index, a new unique and a new model are reported", async () => {
    const enumValue = await compareSchema(
      edited("  PROSPECT\n  ACTIVE\n  INACTIVE\n", "  PROSPECT\n  ACTIVE\n  INACTIVE\n  ARCHIVED\n"),
      catalog,
      ALLOWED,
    );
    expect(enumValue).toEqual([
      `enum "ClientStatus" has values [PROSPECT, ACTIVE, INACTIVE], expected [PROSPECT, ACTIVE, INACTIVE, ARCHIVED]`,
    ]);
    const index = await compareSchema(
      edited("  @@index([parentId])\n", "  @@index([parentId])\n  @@index([agencyId, city])\n"),
      catalog,
      ALLOWED,
    );
    expect(index).toEqual([`index on "Client"("agencyId", "city") (@@index of Client) is missing`]);
    const order = await compareSchema(
      edited(
        "  @@index([agencyId, name, id])\n  @@index([agencyId, status",
        "  @@index([name, agencyId, id])\n  @@index([agencyId, status",
      ),
      catalog,
      ALLOWED,
    );
    expect(order).toEqual([
      `index on "Client"("name", "agencyId", "id") (@@index of Client) is missing`,
      `extra index "Client_agencyId_name_id_idx" on "Client"("agencyId", "name", "id"): not in the Prisma schema and not allow-listed`,
    ]);
    const unique = await compareSchema(
      edited(
        "  @@index([agencyId, createdAt])\n}\n\n/// Every sign-in",
        "  @@index([agencyId, createdAt])\n  @@unique([agencyId, email])\n}\n\n/// Every sign-in",
      ),
      catalog,
      ALLOWED,
    );
    expect(unique).toEqual([`unique index on "Invitation"("agencyId", "email") (@@unique of Invitation) is missing`]);
    const model = await compareSchema(`${datamodel}\nmodel Extra {\n  id String @id @db.Uuid\n}\n`, catalog, ALLOWED);
    expect(model).toEqual([`table "Extra" (model Extra) is missing`]);
  });

  test("a changed relation is reported", async () => {
    const action = await compareSchema(
      edited(
        "client Client @relation(fields: [clientId], references: [id], onDelete: Cascade)",
        "client Client @relation(fields: [clientId], references: [id], onDelete: Restrict)",
      ),
      catalog,
      ALLOWED,
    );
    expect(action).toEqual([
      `foreign key "Contact"("clientId") → "Client"("id") (Contact.client) is ON DELETE CASCADE, expected Restrict`,
    ]);
  });

  test("objects beyond the schema fail unless allow-listed, and stale allow-list entries fail too", async () => {
    const strict = await compareSchema(datamodel, catalog, {
      tables: ["_prisma_migrations"],
      indexes: [],
      foreignKeys: [],
    });
    expect(strict).toEqual(
      expect.arrayContaining([
        `extra unique index "Client_id_agencyId_key" on "Client"("id", "agencyId"): not in the Prisma schema and not allow-listed`,
        `extra index "Client_name_trgm_idx" on "Client"("name"): not in the Prisma schema and not allow-listed`,
        `extra foreign key "Contact_clientId_agencyId_fkey" on "Contact"("clientId", "agencyId") → "Client"("id", "agencyId"): not in the Prisma schema and not allow-listed`,
      ]),
    );
    // Without the allow-list, every allow-listed object is reported, and nothing else.
    const names = [...ALLOWED.indexes, ...ALLOWED.foreignKeys];
    expect(strict).toHaveLength(names.length);
    for (const name of names)
      expect(
        strict.some((line) => line.includes(`"${name}"`)),
        name,
      ).toBe(true);
    const noTable = await compareSchema(datamodel, catalog, { ...ALLOWED, tables: [] });
    expect(noTable).toEqual([`extra table "_prisma_migrations": no model maps to it and it is not allow-listed`]);
    const stale = await compareSchema(datamodel, catalog, { ...ALLOWED, indexes: [...ALLOWED.indexes, "Gone_idx"] });
    expect(stale).toEqual([`allow-listed index "Gone_idx" does not exist: remove it from the allow-list`]);
  });

  test("an extra column, index or table in the database is reported", async () => {
    const fake: Catalog = {
      ...catalog,
      tables: [...catalog.tables, "Leftover"],
      columns: [...catalog.columns, { table: "User", column: "legacyRole", type: "text", notNull: false }],
      indexes: [
        ...catalog.indexes,
        {
          table: "User",
          name: "User_name_idx",
          unique: false,
          primary: false,
          method: "btree",
          partial: false,
          columns: ["name"],
        },
      ],
    };
    const problems = await compareSchema(datamodel, fake, ALLOWED);
    expect(problems).toEqual([
      `extra column "User"."legacyRole": not a field of model User`,
      `extra table "Leftover": no model maps to it and it is not allow-listed`,
      `extra index "User_name_idx" on "User"("name"): not in the Prisma schema and not allow-listed`,
    ]);
  });
});
