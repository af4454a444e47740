// What may be uploaded, recognised by the file's first bytes (magic numbers), never by its name, with the
// size limit of each kind.

export const MB = 1024 * 1024;

export const FILE_KINDS = {
  video: { label: "Video (MP4, MOV, WebM)", maxBytes: 500 * MB },
  image: { label: "Image (PNG, JPEG, GIF, WebP)", maxBytes: 25 * MB },
  document: { label: "PDF", maxBytes: 10 * MB },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

/** The longest text (a script or a caption) kept as an artifact's text. */
export const MAX_TEXT_CHARS = 100_000;

const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString("latin1");

/** The MIME type of a file from its first bytes, or null when it is none of the accepted kinds. */
export function sniffMime(head: Buffer): string | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "image/png";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.length >= 6 && (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a")) return "image/gif";
  if (head.length >= 12 && ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "image/webp";
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp")
    return ascii(head, 8, 12) === "qt  " ? "video/quicktime" : "video/mp4";
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3)
    return "video/webm";
  if (head.length >= 5 && ascii(head, 0, 5) === "%PDF-") return "application/pdf";
  return null;
}

export function kindOfMime(mime: string): FileKind | null {
  if (mime.startsWith("video/")) return "video";
  if (mime.startsWith("image/")) return "image";
  if (mime === "application/pdf") return "document";
  return null;
}
