import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's schema engine as WebAssembly (it ships inside @prisma/schema-engine-wasm, so it works offline,
// unlike the CLI's native engine). Used by `npm run db:diff` to draft the SQL of the next migration.

export function readSchemaFiles(dir = path.join(process.cwd(), "prisma", "schema")) {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => ({ path: path.join(dir, file), content: fs.readFileSync(path.join(dir, file), "utf8") }));
}

type WasmRuntime = {
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] },
      debug: (line: string) => void,
      adapter: object,
    ) => Promise<{
      diff: (params: object) => Promise<{ exitCode: number; stdout: string | null }>;
      free: () => void;
    }>;
  };
};

async function loadSchemaEngine() {
  const runtime = (await import(
    /* webpackIgnore: true */ "@prisma/schema-engine-wasm/schema_engine_bg" as string
  )) as WasmRuntime;
  const wasmFile = path.join(process.cwd(), "node_modules", "@prisma", "schema-engine-wasm", "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmFile)), {
    "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime.SchemaEngine;
}

type SchemaFile = { path: string; content: string };

/**
 * SQL that takes a database built from the `from` schema files (or an empty one) to the current Prisma
 * schema. The engine needs a live PostgreSQL to talk to (`databaseUrl`), though it changes nothing there.
 */
export async function diffSchemas(databaseUrl: string, from: SchemaFile[] | null): Promise<string> {
  const files = readSchemaFiles();
  const SchemaEngine = await loadSchemaEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: from ? { tag: "schemaDatamodel", files: from } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? "").trim();
  } finally {
    engine.free();
  }
}
