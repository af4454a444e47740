import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/errors";
import { sniffMime, FILE_KINDS, kindOfMime, type FileKind } from "./file-types";

// What every storage driver shares: the interface, and the inspection of an upload (type from the magic bytes,
// size limit, SHA-256) while it is written to a temp file on local disk. A driver stores the temp file under
// its hash only once the whole stream has passed, so a refused upload never reaches the store.

export type StoredFile = { hash: string; size: number; mime: string; name: string | null };
/** Inclusive byte range, as in an HTTP Range header. */
export type ByteRange = { start: number; end: number };

export type PutOptions = {
  /** The original file name (shown, never used to decide the type). */
  name?: string | null;
  /** Which kinds of file are accepted here; the type is read from the bytes. */
  accept?: readonly FileKind[];
  /** The form field, named in the errors. */
  field?: string;
};

export interface Storage {
  /** The local folder an upload is written to while it is inspected (empty again after every put). */
  readonly tmpDir: string;
  put(stream: Readable, options?: PutOptions): Promise<StoredFile>;
  open(hash: string, range?: ByteRange): Promise<Readable>;
  stat(hash: string): Promise<{ size: number } | null>;
}

export const HASH = /^[0-9a-f]{64}$/;
const HEADER_BYTES = 16;

function formatBytes(bytes: number) {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function dataDir() {
  // Not a build input: tell Turbopack's file tracing not to follow it (it would trace the whole project).
  return path.resolve(/* turbopackIgnore: true */ process.env.TIKIT_DATA_DIR ?? ".data");
}

/**
 * Hashes, counts and type-checks the bytes as they pass: the kind is read from the first bytes (magic
 * numbers), and the stream fails as soon as the kind's size limit is exceeded, so nothing is buffered.
 */
export class Inspector extends Transform {
  readonly hash = crypto.createHash("sha256");
  size = 0;
  mime: string | null = null;
  private header: Buffer[] = [];
  private headerLength = 0;
  private limit = Infinity;

  constructor(private readonly options: PutOptions) {
    super();
  }

  private decide(): Error | null {
    const header = Buffer.concat(this.header);
    this.header = [];
    const field = this.options.field ?? "file";
    const mime = sniffMime(header);
    const kind = mime ? kindOfMime(mime) : null;
    const accept = this.options.accept ?? (Object.keys(FILE_KINDS) as FileKind[]);
    if (!mime || !kind || !accept.includes(kind)) {
      const allowed = accept.map((k) => FILE_KINDS[k].label).join(", ");
      return new AppError(
        "UNPROCESSABLE",
        `Check ${field}: this file type is not accepted here (allowed: ${allowed}); the type is read from the file's content, not its name`,
        {
          fields: { [field]: `Not an accepted file type (${allowed})` },
        },
      );
    }
    this.mime = mime;
    this.limit = FILE_KINDS[kind].maxBytes;
    return null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void) {
    this.size += chunk.length;
    if (!this.mime) {
      this.header.push(chunk);
      this.headerLength += chunk.length;
      if (this.headerLength < HEADER_BYTES) {
        this.hash.update(chunk);
        return done(null, chunk);
      }
      const error = this.decide();
      if (error) return done(error);
    }
    if (this.size > this.limit)
      return done(tooLarge(this.options.field ?? "file", this.limit, kindOfMime(this.mime!)!));
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: (error?: Error | null) => void) {
    if (!this.mime) {
      if (this.size === 0)
        return done(
          new AppError("VALIDATION_FAILED", `Check ${this.options.field ?? "file"}: the file is empty`, {
            fields: { [this.options.field ?? "file"]: "The file is empty" },
          }),
        );
      const error = this.decide();
      if (error) return done(error);
      if (this.size > this.limit)
        return done(tooLarge(this.options.field ?? "file", this.limit, kindOfMime(this.mime!)!));
    }
    done();
  }
}

export function tooLarge(field: string, limit: number, kind: FileKind) {
  const message = `Check ${field}: ${FILE_KINDS[kind].label.toLowerCase()} files may be at most ${formatBytes(limit)}`;
  return new AppError("PAYLOAD_TOO_LARGE", message, {
    fields: { [field]: `Too large: at most ${formatBytes(limit)} for ${FILE_KINDS[kind].label.toLowerCase()} files` },
  });
}

export type Spooled = { tmp: string; hash: string; size: number; mime: string };

/**
 * Streams an upload through the Inspector into a new temp file under `tmpDir`. On any error (wrong type, too
 * large, aborted) the temp file is removed before the error is thrown; on success the caller owns it.
 */
export async function spool(stream: Readable, options: PutOptions, tmpDir: string): Promise<Spooled> {
  await fsp.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${crypto.randomUUID()}.part`);
  const inspector = new Inspector(options);
  const out = fs.createWriteStream(tmp, { flags: "wx" });
  try {
    await pipeline(stream, inspector, out);
  } catch (error) {
    // The pipeline rejects on the first error, possibly before the file stream has finished opening (and so
    // creating) the temp file: wait for it to close, or the file would appear after it was removed.
    if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
    await fsp.rm(tmp, { force: true });
    throw error;
  }
  return { tmp, hash: inspector.hash.digest("hex"), size: inspector.size, mime: inspector.mime! };
}

/** The original name as shown (never used to decide the type). */
export function displayName(name: string | null | undefined) {
  return name?.trim() ? path.basename(name.trim()).slice(0, 255) : null;
}
