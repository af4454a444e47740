// s3rver ships no types: the part of its API the tests use (https://github.com/jamhall/s3rver#readme).
declare module "s3rver" {
  import type { EventEmitter } from "node:events";

  type Options = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  };
  export type S3Event = { Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[] };

  export default class S3rver extends EventEmitter {
    constructor(options: Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
