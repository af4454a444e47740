import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver, { type S3Event } from "s3rver";

// A real S3-compatible server for the S3 driver's tests: s3rver (pure JS, speaks the S3 REST protocol, keeps
// the objects in a temp folder) on a free port of the loopback interface, with one bucket.

export const S3_TEST_BUCKET = "tikit-test-files";
/** s3rver accepts only its own key pair (it checks the request signatures). */
export const S3_TEST_KEY = "S3RVER";

export async function startS3Server(bucket = S3_TEST_BUCKET) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tikit-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  /** Every object written (PutObject events), in order. */
  const puts: string[] = [];
  server.on("event", (event: S3Event) => {
    for (const record of event.Records)
      if (record.eventName.startsWith("ObjectCreated")) puts.push(record.s3.object.key);
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    puts,
    env: {
      TIKIT_STORAGE: "s3",
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: S3_TEST_KEY,
      S3_SECRET_ACCESS_KEY: S3_TEST_KEY,
    },
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
