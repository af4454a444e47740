import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import type { Readable } from "node:stream";
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { AppError } from "@/lib/errors";
import { HASH, displayName, spool, type ByteRange, type PutOptions, type Storage, type StoredFile } from "./core";

// The S3-compatible driver (TIKIT_STORAGE=s3): the same put/open/stat as the local one. An upload is first
// inspected and written to a temp file on local disk (type by magic bytes, size limit, SHA-256), so a refused
// upload never reaches the bucket and the key is known before anything is written; then it is uploaded to
// <S3_PREFIX><first two hex>/<sha256> unless that object already exists (never overwritten).

export type S3Config = {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, R2, …); path-style addressing is used when set. */
  endpoint: string | null;
  /** Both or neither: without them the AWS SDK's default credentials apply (AWS_* variables, instance role). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** Prepended to every key; ends with "/" when not empty. */
  prefix: string;
};

function missing(name: string, why: string) {
  return new Error(`TIKIT_STORAGE=s3 needs ${name}: ${why}`);
}

/** Reads the S3_* variables; a missing required one is an error naming it. */
export function s3ConfigFromEnv(env: Record<string, string | undefined> = process.env): S3Config {
  const read = (name: string) => env[name]?.trim() || null;
  const bucket = read("S3_BUCKET");
  if (!bucket) throw missing("S3_BUCKET", "the name of the bucket the files are stored in");
  const accessKeyId = read("S3_ACCESS_KEY_ID");
  const secretAccessKey = read("S3_SECRET_ACCESS_KEY");
  if (accessKeyId && !secretAccessKey) throw missing("S3_SECRET_ACCESS_KEY", "S3_ACCESS_KEY_ID is set without it");
  if (secretAccessKey && !accessKeyId) throw missing("S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY is set without it");
  const endpoint = read("S3_ENDPOINT");
  if (endpoint && !URL.canParse(endpoint))
    throw new Error(`S3_ENDPOINT must be a URL such as http://127.0.0.1:9000 (got "${endpoint}")`);
  const prefix = (read("S3_PREFIX") ?? "").replace(/^\/+/, "");
  return {
    bucket,
    region: read("S3_REGION") ?? "us-east-1",
    endpoint,
    accessKeyId,
    secretAccessKey,
    prefix: prefix && !prefix.endsWith("/") ? `${prefix}/` : prefix,
  };
}

function statusOf(error: unknown) {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

export class S3Storage implements Storage {
  readonly client: S3Client;

  constructor(
    readonly config: S3Config,
    /** Local folder for the temp file of an upload being inspected. */
    readonly tmpDir: string,
  ) {
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
      ...(config.accessKeyId && config.secretAccessKey
        ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
        : {}),
      // The SDK's default (a CRC32 trailer in an aws-chunked body on every upload) is not understood by many
      // S3-compatible servers; the upload carries its SHA-256 checksum instead (x-amz-checksum-sha256).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  keyOf(hash: string) {
    if (!HASH.test(hash)) throw new AppError("NOT_FOUND", "File not found");
    return `${this.config.prefix}${hash.slice(0, 2)}/${hash}`;
  }

  async put(stream: Readable, options: PutOptions = {}): Promise<StoredFile> {
    const { tmp, hash, size, mime } = await spool(stream, options, this.tmpDir);
    try {
      if (!(await this.stat(hash))) {
        await this.client
          .send(
            new PutObjectCommand({
              Bucket: this.config.bucket,
              Key: this.keyOf(hash),
              Body: fs.createReadStream(tmp),
              ContentLength: size,
              ContentType: mime,
              // The server checks the bytes it received against the hash the key is made of.
              ChecksumSHA256: Buffer.from(hash, "hex").toString("base64"),
              // Never overwrite: a concurrent upload of the same bytes that got there first wins (412/409).
              IfNoneMatch: "*",
            }),
          )
          .catch((error: unknown) => {
            if (statusOf(error) !== 412 && statusOf(error) !== 409) throw error;
          });
      }
    } finally {
      await fsp.rm(tmp, { force: true });
    }
    return { hash, size, mime, name: displayName(options.name) };
  }

  async open(hash: string, range?: ByteRange): Promise<Readable> {
    const key = this.keyOf(hash);
    try {
      const object = await this.client.send(
        new GetObjectCommand({
          Bucket: this.config.bucket,
          Key: key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      // In Node the body is the HTTP response (an IncomingMessage), a Readable.
      return object.Body as Readable;
    } catch (error) {
      if (statusOf(error) === 404) throw new AppError("NOT_FOUND", "File not found");
      throw error;
    }
  }

  async stat(hash: string) {
    if (!HASH.test(hash)) return null;
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(hash) }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      // Not there; any other failure (no access, no network) is an error, not "missing".
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }
}
