import "server-only";
import Busboy from "busboy";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import type { ApiRequest } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { MAX_TEXT_CHARS, type FileKind } from "./file-types";
import type { Storage, StoredFile } from "./index";

export type ParsedUpload = { fields: Record<string, string>; file: StoredFile | null };

/**
 * Reads a multipart/form-data request as a stream (never the whole body in memory): text fields into a
 * record, the one `file` part straight into the storage (hashed, type-checked by its bytes and size-limited
 * while it streams). `accept` picks the allowed kinds from the fields that came before the file, so a form
 * should put its fields first. On any refusal the request stream is dropped and nothing is left on disk.
 */
export function parseMultipartUpload(
  request: ApiRequest,
  storage: Storage,
  accept: (fields: Record<string, string>) => readonly FileKind[],
): Promise<ParsedUpload> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    return Promise.reject(
      new AppError("BAD_REQUEST", "Send the upload as multipart/form-data (fields artifactType, text, note, file)"),
    );
  }
  if (!request.body) return Promise.reject(new AppError("BAD_REQUEST", "The upload is empty"));
  return new Promise<ParsedUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: StoredFile | null = null;
    let filePromise: Promise<void> | null = null;
    let fileStream: Readable | null = null;
    let settled = false;
    let bb: Busboy.Busboy;
    try {
      // Bytes, not characters: a text field may hold MAX_TEXT_CHARS characters of up to 4 bytes each.
      bb = Busboy({
        headers: { "content-type": type },
        limits: { files: 1, fields: 10, parts: 12, fieldSize: MAX_TEXT_CHARS * 4 },
      });
    } catch {
      reject(new AppError("BAD_REQUEST", "The multipart body is not valid (missing boundary)"));
      return;
    }
    const source = Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>);

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(bb);
      source.destroy();
      fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
      // Wait until the storage removed its temporary file before answering.
      void (filePromise ?? Promise.resolve()).catch(() => undefined).then(() => reject(error));
    };

    bb.on("field", (name, value, info) => {
      if (info.valueTruncated) {
        fail(
          new AppError(
            "PAYLOAD_TOO_LARGE",
            `Check ${name}: the text is too long (at most ${MAX_TEXT_CHARS.toLocaleString("en")} characters)`,
            { fields: { [name]: "Too long" } },
          ),
        );
        return;
      }
      fields[name] = value;
    });
    bb.on("file", (name, stream, info) => {
      if (name !== "file") {
        stream.resume();
        fail(
          new AppError("BAD_REQUEST", `Unexpected file field "${name}": send the file as "file"`, {
            fields: { [name]: "Unexpected file field" },
          }),
        );
        return;
      }
      if (!info.filename) {
        // An empty file input of a browser form: no file chosen.
        stream.resume();
        return;
      }
      fileStream = stream;
      filePromise = storage.put(stream, { name: info.filename, accept: accept(fields), field: "file" }).then(
        (stored) => {
          file = stored;
        },
        (error) => {
          fail(error);
          throw error;
        },
      );
    });
    bb.on("filesLimit", () =>
      fail(new AppError("BAD_REQUEST", "Send one file per upload", { fields: { file: "One file per upload" } })),
    );
    bb.on("fieldsLimit", () =>
      fail(new AppError("BAD_REQUEST", "Too many fields: send artifactType, text, note and file")),
    );
    bb.on("partsLimit", () =>
      fail(new AppError("BAD_REQUEST", "Too many parts: send artifactType, text, note and file")),
    );
    bb.on("error", (error) =>
      fail(new AppError("BAD_REQUEST", `The multipart body is not valid: ${(error as Error).message}`)),
    );
    bb.on("close", () => {
      void (filePromise ?? Promise.resolve()).then(
        () => {
          if (settled) return;
          settled = true;
          resolve({ fields, file });
        },
        () => undefined,
      );
    });
    source.on("error", (error) => fail(new AppError("BAD_REQUEST", `The upload was interrupted: ${error.message}`)));
    source.pipe(bb);
  });
}

/** Parses an HTTP Range header against a file size: null for the whole file, "unsatisfiable" for a 416. */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | null | "unsatisfiable" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or another unit: answered with the whole file, as RFC 9110 allows.
  if (!match) return null;
  const [, a, b] = match;
  if (a === "" && b === "") return "unsatisfiable";
  if (a === "") {
    const suffix = Number(b);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}
