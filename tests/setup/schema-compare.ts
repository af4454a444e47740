import { getDMMF } from "@prisma/internals";
import type pg from "pg";

// Compares the Prisma schema (read offline with getDMMF) with a live database's catalog, and lists every
// difference as one readable line. Used by tests/integration/schema.test.ts.

type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type DmmfModel = Dmmf["datamodel"]["models"][number];
type DmmfField = DmmfModel["fields"][number];

export type CatalogColumn = { table: string; column: string; type: string; notNull: boolean };
export type CatalogIndex = {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  method: string;
  partial: boolean;
  /** Column names in key order, with " DESC" for descending keys; "<expression>" for expression keys. */
  columns: string[];
};
export type CatalogForeignKey = {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
};
export type Catalog = {
  tables: string[];
  columns: CatalogColumn[];
  enums: { name: string; values: string[] }[];
  indexes: CatalogIndex[];
  foreignKeys: CatalogForeignKey[];
};

/** Database objects that Prisma cannot express and that are there on purpose (see the migration's last part). */
export type AllowList = { tables: string[]; indexes: string[]; foreignKeys: string[] };

type Queryable = Pick<pg.Client, "query">;

/** The public schema of the database, read from pg_catalog. */
export async function readCatalog(client: Queryable): Promise<Catalog> {
  const tables = await client.query<{ name: string }>(`
    SELECT c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
    ORDER BY 1`);
  const columns = await client.query<CatalogColumn>(`
    SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type", a.attnotnull AS "notNull"
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY 1, a.attnum`);
  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS "values"
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    GROUP BY t.typname
    ORDER BY 1`);
  const indexes = await client.query<CatalogIndex>(`
    SELECT t.relname AS "table", i.relname AS name, ix.indisunique AS "unique", ix.indisprimary AS "primary",
      am.amname AS method, ix.indpred IS NOT NULL AS partial,
      ARRAY(
        SELECT coalesce(a.attname::text, '<expression>') || CASE WHEN o.opt & 1 = 1 THEN ' DESC' ELSE '' END
        FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        JOIN unnest(ix.indoption::int2[]) WITH ORDINALITY AS o(opt, ord) USING (ord)
        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
        WHERE k.ord <= ix.indnkeyatts
        ORDER BY k.ord
      ) AS columns
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_am am ON am.oid = i.relam
    WHERE n.nspname = 'public'
    ORDER BY 1, 2`);
  const foreignKeys = await client.query<CatalogForeignKey>(`
    SELECT con.conname AS name, t.relname AS "table", rt.relname AS "refTable",
      ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
      ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "refColumns",
      con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate"
    FROM pg_constraint con
    JOIN pg_class t ON t.oid = con.conrelid
    JOIN pg_class rt ON rt.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE con.contype = 'f' AND n.nspname = 'public'
    ORDER BY 2, 1`);
  return {
    tables: tables.rows.map((r) => r.name),
    columns: columns.rows,
    enums: enums.rows,
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows,
  };
}

// Prisma scalar types without @db.*: what Prisma Migrate creates on PostgreSQL, as format_type() prints it.
const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function nativeType(name: string, args: readonly string[]): string {
  const a = args.length ? `(${args.join(",")})` : "";
  switch (name) {
    case "Uuid":
      return "uuid";
    case "Text":
      return "text";
    case "Citext":
      return "citext";
    case "VarChar":
      return `character varying${a}`;
    case "Char":
      return `character${a || "(1)"}`;
    case "Timestamptz":
      return `timestamp${a} with time zone`;
    case "Timestamp":
      return `timestamp${a} without time zone`;
    case "Timetz":
      return `time${a} with time zone`;
    case "Time":
      return `time${a} without time zone`;
    case "Date":
      return "date";
    case "Integer":
      return "integer";
    case "SmallInt":
      return "smallint";
    case "BigInt":
      return "bigint";
    case "Oid":
      return "oid";
    case "DoublePrecision":
      return "double precision";
    case "Real":
      return "real";
    case "Decimal":
      return `numeric${a}`;
    case "Money":
      return "money";
    case "Boolean":
      return "boolean";
    case "Bit":
      return `bit${a}`;
    case "VarBit":
      return `bit varying${a}`;
    case "Inet":
      return "inet";
    case "Json":
      return "json";
    case "JsonB":
      return "jsonb";
    case "ByteA":
      return "bytea";
    case "Xml":
      return "xml";
    default:
      return `<unknown native type ${name}>`;
  }
}

const ACTIONS: Record<string, string> = { Cascade: "c", Restrict: "r", NoAction: "a", SetNull: "n", SetDefault: "d" };
const ACTION_NAMES: Record<string, string> = {
  c: "CASCADE",
  r: "RESTRICT",
  a: "NO ACTION",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const q = (name: string) => `"${name}"`;
const cols = (columns: readonly string[]) => `(${columns.map(q).join(", ")})`;
const stripQuotes = (type: string) => type.replace(/"/g, "");

/** Every difference between the Prisma datamodel and the database catalog; empty when they agree. */
export async function compareSchema(datamodel: string, catalog: Catalog, allow: AllowList): Promise<string[]> {
  const { datamodel: dm } = await getDMMF({ datamodel });
  const problems: string[] = [];
  const tableOf = new Map(dm.models.map((m) => [m.name, m.dbName ?? m.name]));
  const enumOf = new Map(dm.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field ? (field.dbName ?? field.name) : `<unknown field ${fieldName}>`;
  };
  const modelByName = new Map(dm.models.map((m) => [m.name, m]));

  // Tables and columns.
  const dbTables = new Set(catalog.tables);
  const expectedTables = new Set<string>();
  for (const model of dm.models) {
    const table = tableOf.get(model.name)!;
    expectedTables.add(table);
    if (!dbTables.has(table)) {
      problems.push(`table ${q(table)} (model ${model.name}) is missing`);
      continue;
    }
    const dbColumns = new Map(catalog.columns.filter((c) => c.table === table).map((c) => [c.column, c]));
    const expectedColumns = new Set<string>();
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.isList && !field.relationFromFields?.length) {
          const other = modelByName
            .get(field.type)
            ?.fields.find((f) => f.relationName === field.relationName && f !== field);
          if (other?.isList) {
            problems.push(
              `relation ${model.name}.${field.name} is an implicit many-to-many: this comparison does not know its join table; use an explicit join model or extend tests/setup/schema-compare.ts`,
            );
          }
        }
        continue;
      }
      const column = field.dbName ?? field.name;
      expectedColumns.add(column);
      const found = dbColumns.get(column);
      const where = `column ${q(table)}.${q(column)} (${model.name}.${field.name})`;
      if (!found) {
        problems.push(`${where} is missing`);
        continue;
      }
      if (field.kind === "unsupported") continue;
      const expectedType = expectedTypeOf(field, enumOf);
      if (stripQuotes(found.type) !== expectedType)
        problems.push(`${where} has type ${found.type}, expected ${expectedType}`);
      // Prisma Migrate itself leaves scalar-list columns NULL-able (it cannot say NOT NULL for them), so
      // either is accepted for lists.
      if (!field.isList) {
        if (field.isRequired && !found.notNull) problems.push(`${where} is NULL-able, expected NOT NULL`);
        if (!field.isRequired && found.notNull) problems.push(`${where} is NOT NULL, expected NULL-able`);
      }
    }
    for (const column of dbColumns.keys()) {
      if (!expectedColumns.has(column))
        problems.push(`extra column ${q(table)}.${q(column)}: not a field of model ${model.name}`);
    }
  }
  for (const table of catalog.tables) {
    if (!expectedTables.has(table) && !allow.tables.includes(table)) {
      problems.push(`extra table ${q(table)}: no model maps to it and it is not allow-listed`);
    }
  }

  // Enums: same names, same values in the same order.
  const dbEnums = new Map(catalog.enums.map((e) => [e.name, e.values]));
  for (const e of dm.enums) {
    const name = e.dbName ?? e.name;
    const expected = e.values.map((v) => v.dbName ?? v.name);
    const found = dbEnums.get(name);
    if (!found) problems.push(`enum ${q(name)} is missing`);
    else if (JSON.stringify(found) !== JSON.stringify(expected)) {
      problems.push(`enum ${q(name)} has values [${found.join(", ")}], expected [${expected.join(", ")}]`);
    }
  }
  for (const name of dbEnums.keys()) {
    if (![...enumOf.values()].includes(name)) problems.push(`extra enum ${q(name)}: not in the Prisma schema`);
  }

  // Indexes: @id → primary key, @unique/@@unique → unique index on exactly those columns, @@index → index on
  // exactly those columns in that order. Each database index satisfies at most one of them.
  const unmatched = new Set(catalog.indexes);
  for (const index of dm.indexes) {
    if (index.type === "fulltext") continue;
    const model = modelByName.get(index.model)!;
    const table = tableOf.get(index.model)!;
    if (!dbTables.has(table)) continue; // already reported as a missing table
    const columns = index.fields.map((f) => columnOf(model, f.name) + (f.sortOrder === "desc" ? " DESC" : ""));
    const method = (index.algorithm ?? "BTree").toLowerCase();
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
    const source =
      index.type === "id"
        ? "@id/@@id"
        : index.type === "unique"
          ? index.isDefinedOnField
            ? "@unique"
            : "@@unique"
          : "@@index";
    const candidates = [...unmatched].filter((i) => i.table === table && !i.partial && i.method === method);
    const match = candidates.find((i) => {
      if (index.type === "id") return i.primary && sameList(i.columns, columns);
      if (index.type === "unique") return i.unique && !i.primary && sameSet(i.columns, columns);
      return !i.unique && sameList(i.columns, columns);
    });
    if (match) unmatched.delete(match);
    else problems.push(`${kind} on ${q(table)}${cols(columns)} (${source} of ${index.model}) is missing`);
  }
  for (const index of unmatched) {
    // Indexes of extra tables are covered by the table's own line.
    if (allow.indexes.includes(index.name) || !expectedTables.has(index.table)) continue;
    problems.push(
      `extra ${index.primary ? "primary key" : index.unique ? "unique index" : "index"} ${q(index.name)} on ${q(index.table)}${cols(index.columns)}: not in the Prisma schema and not allow-listed`,
    );
  }

  // Foreign keys: one per relation field that holds the reference, with the referential actions.
  const unmatchedKeys = new Set(catalog.foreignKeys);
  for (const model of dm.models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = modelByName.get(field.type)!;
      const table = tableOf.get(model.name)!;
      const refTable = tableOf.get(target.name)!;
      if (!dbTables.has(table)) continue;
      const columns = field.relationFromFields.map((f) => columnOf(model, f));
      const refColumns = (field.relationToFields ?? []).map((f) => columnOf(target, f));
      const required = field.relationFromFields.every((f) => model.fields.find((x) => x.name === f)?.isRequired);
      const onDelete = field.relationOnDelete ?? (required ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      const label = `foreign key ${q(table)}${cols(columns)} → ${q(refTable)}${cols(refColumns)} (${model.name}.${field.name})`;
      const match = [...unmatchedKeys].find(
        (k) =>
          k.table === table &&
          k.refTable === refTable &&
          sameList(k.columns, columns) &&
          sameList(k.refColumns, refColumns),
      );
      if (!match) {
        problems.push(`${label} is missing`);
        continue;
      }
      unmatchedKeys.delete(match);
      if (match.onDelete !== ACTIONS[onDelete])
        problems.push(`${label} is ON DELETE ${ACTION_NAMES[match.onDelete]}, expected ${onDelete}`);
      if (match.onUpdate !== ACTIONS[onUpdate])
        problems.push(`${label} is ON UPDATE ${ACTION_NAMES[match.onUpdate]}, expected ${onUpdate}`);
    }
  }
  for (const key of unmatchedKeys) {
    if (allow.foreignKeys.includes(key.name) || !expectedTables.has(key.table)) continue;
    problems.push(
      `extra foreign key ${q(key.name)} on ${q(key.table)}${cols(key.columns)} → ${q(key.refTable)}${cols(key.refColumns)}: not in the Prisma schema and not allow-listed`,
    );
  }

  // The allow-list stays honest: an entry whose object is gone must be removed.
  for (const table of allow.tables)
    if (!dbTables.has(table))
      problems.push(`allow-listed table ${q(table)} does not exist: remove it from the allow-list`);
  for (const name of allow.indexes) {
    if (!catalog.indexes.some((i) => i.name === name))
      problems.push(`allow-listed index ${q(name)} does not exist: remove it from the allow-list`);
  }
  for (const name of allow.foreignKeys) {
    if (!catalog.foreignKeys.some((k) => k.name === name))
      problems.push(`allow-listed foreign key ${q(name)} does not exist: remove it from the allow-list`);
  }
  return problems;
}

function expectedTypeOf(field: DmmfField, enumOf: Map<string, string>): string {
  let base: string;
  if (field.kind === "enum") base = enumOf.get(field.type) ?? field.type;
  else if (field.nativeType) base = nativeType(field.nativeType[0], field.nativeType[1]);
  else base = DEFAULT_TYPES[field.type] ?? `<unknown Prisma type ${field.type}>`;
  return field.isList ? `${base}[]` : base;
}

function sameList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameSet(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
}
