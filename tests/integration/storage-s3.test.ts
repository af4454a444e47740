import crypto from "node:crypto";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage, getStorage, type Storage } from "@/lib/storage";
import { s3ConfigFromEnv } from "@/lib/storage/s3";
import { expectAppError } from "../setup/factories";
import { mp4Bytes, oversizedPng, PDF_BYTES, PNG_1X1, setTempDataDir, tmpLeftovers } from "../setup/content-fixtures";
import { startS3Server } from "../setup/s3-server";

// The S3-compatible driver against a real S3 server speaking the S3 protocol (s3rver on a free port), not a mock.

setTempDataDir("s3-it");
const S3_VARS = [
  "TIKIT_STORAGE",
  "S3_BUCKET",
  "S3_REGION",
  "S3_ENDPOINT",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_PREFIX",
];
const saved = Object.fromEntries(S3_VARS.map((name) => [name, process.env[name]]));
let server: Awaited<ReturnType<typeof startS3Server>>;
let storage: S3Storage;

function s3() {
  const got: Storage = getStorage();
  if (!(got instanceof S3Storage)) throw new Error("TIKIT_STORAGE=s3 did not select the S3 driver");
  return got;
}

async function keys() {
  const listed = await storage.client.send(new ListObjectsV2Command({ Bucket: server.bucket }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

async function head(hash: string) {
  return storage.client.send(new HeadObjectCommand({ Bucket: server.bucket, Key: storage.keyOf(hash) }));
}

async function read(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const put = (bytes: Buffer, name: string, options: { field?: string } = {}) =>
  storage.put(Readable.from([bytes]), { name, ...options });
const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  server = await startS3Server();
  for (const name of S3_VARS) delete process.env[name];
  Object.assign(process.env, server.env, { S3_PREFIX: "tikit/files" });
  storage = s3();
});

afterAll(async () => {
  for (const name of S3_VARS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await server?.stop();
});

describe("S3 storage driver", () => {
  it("is selected by TIKIT_STORAGE=s3 and keeps one client per configuration", () => {
    expect(storage.config).toMatchObject({
      bucket: server.bucket,
      region: "us-east-1",
      endpoint: server.endpoint,
      prefix: "tikit/files/",
    });
    expect(s3()).toBe(storage);
  });

  it("stores by SHA-256 under <prefix><2 hex>/<hash>, once: the same bytes again do not rewrite the object", async () => {
    const bytes = mp4Bytes(50_000, 3);
    const hash = sha256(bytes);
    const putsBefore = server.puts.length;
    const first = await put(bytes, "clip.mp4");
    expect(first).toEqual({ hash, size: 50_000, mime: "video/mp4", name: "clip.mp4" });
    expect(await keys()).toContain(`tikit/files/${hash.slice(0, 2)}/${hash}`);
    expect(server.puts.slice(putsBefore)).toEqual([`tikit/files/${hash.slice(0, 2)}/${hash}`]);
    const before = await head(hash);
    expect(before).toMatchObject({ ContentLength: 50_000, ContentType: "video/mp4" });
    const stored = await storage.client.send(new GetObjectCommand({ Bucket: server.bucket, Key: storage.keyOf(hash) }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(bytes)).toBe(true);

    // LastModified has one-second resolution: wait past it so that a rewrite would show.
    await sleep(1100);
    const second = await put(bytes, "same-bytes-other-name.webm");
    expect(second).toEqual({ hash, size: 50_000, mime: "video/mp4", name: "same-bytes-other-name.webm" });
    expect(server.puts.slice(putsBefore)).toHaveLength(1);
    const after = await head(hash);
    expect(after.ETag).toBe(before.ETag);
    expect(after.LastModified?.getTime()).toBe(before.LastModified?.getTime());
    expect((await keys()).filter((k) => k.endsWith(hash))).toHaveLength(1);
    expect(tmpLeftovers()).toEqual([]);
  });

  it("reads the type from the bytes and refuses other types, nothing stored in the bucket and no temp file left", async () => {
    const png = Buffer.concat([PNG_1X1, crypto.randomBytes(16)]);
    const image = await put(png, "not-really.mp4");
    expect(image).toMatchObject({ mime: "image/png", hash: sha256(png) });
    expect((await head(image.hash)).ContentType).toBe("image/png");
    expect((await put(Buffer.concat([PDF_BYTES, crypto.randomBytes(8)]), "brief.mp4")).mime).toBe("application/pdf");

    const before = await keys();
    const putsBefore = server.puts.length;
    const script = Buffer.from(`#!/bin/sh\necho ${crypto.randomUUID()}\n`);
    const refused = await expectAppError(put(script, "video.mp4"), "UNPROCESSABLE");
    expect(refused.fields?.file).toBeTruthy();
    expect(await storage.stat(sha256(script))).toBeNull();
    await expectAppError(storage.put(Readable.from([png]), { name: "thumb.png", accept: ["video"] }), "UNPROCESSABLE");
    await expectAppError(put(Buffer.alloc(0), "empty.png"), "VALIDATION_FAILED");
    expect(await keys()).toEqual(before);
    expect(server.puts.length).toBe(putsBefore);
    expect(tmpLeftovers()).toEqual([]);
  });

  it("refuses an image over 25 MB while streaming (413 naming the field): nothing stored, no temp file left", async () => {
    const before = await keys();
    const putsBefore = server.puts.length;
    const { source, sent } = oversizedPng(9);
    const error = await expectAppError(
      storage.put(source, { name: "huge.png", field: "thumbnail" }),
      "PAYLOAD_TOO_LARGE",
    );
    expect(error.status).toBe(413);
    expect(error.message).toContain("thumbnail");
    expect(error.fields?.thumbnail).toContain("25 MB");
    expect(sent()).toBeLessThan(40);
    expect(await keys()).toEqual(before);
    expect(server.puts.length).toBe(putsBefore);
    expect(tmpLeftovers()).toEqual([]);
  });

  it("opens a stored file whole or by an inclusive byte range; stat gives the size, or null when missing", async () => {
    const bytes = mp4Bytes(10_000, 11);
    const stored = await put(bytes, "seek.mp4");
    expect((await read(await storage.open(stored.hash))).equals(bytes)).toBe(true);
    expect(
      (await read(await storage.open(stored.hash, { start: 100, end: 199 }))).equals(bytes.subarray(100, 200)),
    ).toBe(true);
    expect(
      (await read(await storage.open(stored.hash, { start: 9_990, end: 9_999 }))).equals(bytes.subarray(9_990)),
    ).toBe(true);
    expect(await storage.stat(stored.hash)).toEqual({ size: 10_000 });
    expect(await storage.stat("0".repeat(64))).toBeNull();
    expect(await storage.stat("../../etc/passwd")).toBeNull();
    await expectAppError(storage.open("0".repeat(64)), "NOT_FOUND");
    await expectAppError(() => storage.open("not-a-hash"), "NOT_FOUND");
  });

  it("names the missing variable when the configuration is incomplete", () => {
    const base = { TIKIT_STORAGE: "s3", S3_BUCKET: "b-1", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" };
    expect(() => s3ConfigFromEnv({ ...base, S3_BUCKET: undefined })).toThrow(/S3_BUCKET/);
    expect(() => s3ConfigFromEnv({ ...base, S3_BUCKET: "  " })).toThrow(/S3_BUCKET/);
    expect(() => s3ConfigFromEnv({ ...base, S3_SECRET_ACCESS_KEY: undefined })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => s3ConfigFromEnv({ ...base, S3_ACCESS_KEY_ID: undefined })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(() => s3ConfigFromEnv({ ...base, S3_ENDPOINT: "not a url" })).toThrow(/S3_ENDPOINT/);
    // Neither key: the AWS SDK's default credentials (AWS_* variables, an instance role).
    expect(s3ConfigFromEnv({ TIKIT_STORAGE: "s3", S3_BUCKET: "b-1" })).toEqual({
      bucket: "b-1",
      region: "us-east-1",
      endpoint: null,
      accessKeyId: null,
      secretAccessKey: null,
      prefix: "",
    });

    const bucket = process.env.S3_BUCKET;
    try {
      delete process.env.S3_BUCKET;
      expect(() => getStorage()).toThrow(/S3_BUCKET/);
      process.env.TIKIT_STORAGE = "ftp";
      expect(() => getStorage()).toThrow(/TIKIT_STORAGE/);
    } finally {
      process.env.S3_BUCKET = bucket;
      process.env.TIKIT_STORAGE = "s3";
    }
  });
});
