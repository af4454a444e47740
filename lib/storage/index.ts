import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import {
  HASH,
  dataDir,
  displayName,
  spool,
  type ByteRange,
  type PutOptions,
  type Storage,
  type StoredFile,
} from "./core";
import { S3Storage, s3ConfigFromEnv } from "./s3";

// The one storage interface for uploaded files (DESIGN.md: content drafts, invoices, avatars). Files are
// addressed by the SHA-256 of their bytes and never overwritten. The local driver (the default) keeps them under
// <data dir>/files/<first two hex>/<hash>; the data dir is TIKIT_DATA_DIR or .data (as scripts/local-env.ts).
// TIKIT_STORAGE=s3 selects the S3-compatible driver (lib/storage/s3.ts, see docs/decisions.md).

export * from "./core";
export { S3Storage } from "./s3";

export class LocalStorage implements Storage {
  constructor(readonly root: string) {}

  get tmpDir() {
    return path.join(this.root, "tmp");
  }

  pathOf(hash: string) {
    if (!HASH.test(hash)) throw new AppError("NOT_FOUND", "File not found");
    return path.join(this.root, hash.slice(0, 2), hash);
  }

  async put(stream: Readable, options: PutOptions = {}): Promise<StoredFile> {
    const { tmp, hash, size, mime } = await spool(stream, options, this.tmpDir);
    try {
      const final = this.pathOf(hash);
      await fsp.mkdir(path.dirname(final), { recursive: true });
      // A hard link never replaces an existing file: the same bytes stored before stay as they are.
      await fsp.link(tmp, final).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
    } finally {
      await fsp.rm(tmp, { force: true });
    }
    return { hash, size, mime, name: displayName(options.name) };
  }

  async open(hash: string, range?: ByteRange): Promise<Readable> {
    const file = this.pathOf(hash);
    const handle = await fsp.open(file, "r").catch(() => {
      throw new AppError("NOT_FOUND", "File not found");
    });
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async stat(hash: string) {
    try {
      const info = await fsp.stat(this.pathOf(hash));
      return { size: info.size };
    } catch {
      return null;
    }
  }
}

let s3: { key: string; storage: S3Storage } | null = null;

/**
 * The configured storage: the local disk under the data dir by default; TIKIT_STORAGE=s3 an S3-compatible
 * bucket (configured by S3_* variables; a missing one is an error naming it). The S3 client is kept per
 * configuration.
 */
export function getStorage(): Storage {
  const driver = process.env.TIKIT_STORAGE?.trim().toLowerCase() || "local";
  if (driver === "local") return new LocalStorage(path.join(dataDir(), "files"));
  if (driver !== "s3") throw new Error(`TIKIT_STORAGE must be "local" or "s3" (got "${process.env.TIKIT_STORAGE}")`);
  const config = s3ConfigFromEnv();
  const tmpDir = path.join(dataDir(), "files", "tmp");
  const key = JSON.stringify([config, tmpDir]);
  if (s3?.key !== key) s3 = { key, storage: new S3Storage(config, tmpDir) };
  return s3.storage;
}
