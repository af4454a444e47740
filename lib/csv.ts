// RFC 4180 CSV: fields separated by commas, records by CRLF (LF and lone CR accepted too), fields
// optionally in double quotes, inside which commas, line breaks and doubled quotes ("") are data.
// Small enough to read in one sitting, which is why no dependency was taken for it.

export type CsvRecord = { /** 1-based line of the file on which the record starts. */ line: number; fields: string[] };

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`Line ${line}: ${message}`);
    this.name = "CsvParseError";
  }
}

/** Parses CSV text into records. A leading byte-order mark is dropped; completely empty lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedField = false;
  let quotedFieldSeen = false;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = "";
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === "" && !quotedFieldSeen)) records.push({ line: recordLine, fields });
    fields = [];
    quotedFieldSeen = false;
  };

  while (i < input.length) {
    const ch = input[i];
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        const next = input[i];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
          throw new CsvParseError("a closing quote must be followed by a comma or the end of the line", line);
        }
        continue;
      }
      if (ch === "\r" || ch === "\n") {
        // A line break inside quotes is data; CRLF counts as one line.
        if (ch === "\r" && input[i + 1] === "\n") {
          field += "\r\n";
          i += 2;
        } else {
          field += ch;
          i += 1;
        }
        line += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (field !== "" || quotedField)
        throw new CsvParseError('a quote may only open a field (write "" inside a quoted field)', line);
      inQuotes = true;
      quotedField = true;
      quotedFieldSeen = true;
      i += 1;
      continue;
    }
    if (ch === ",") {
      endField();
      i += 1;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (inQuotes) throw new CsvParseError("a quoted field is not closed", recordLine);
  if (field !== "" || fields.length > 0 || quotedField) endRecord();
  return records;
}

/** One field, quoted when it must be. Fields that a spreadsheet would run as a formula get a leading apostrophe. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with CRLF, as RFC 4180 asks). */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/**
 * A CSV download streamed batch by batch: the header line first, then `fetch(offset, limit)` until a batch comes
 * back short or `maxRows` lines are out. Memory stays at one batch whatever the export's size.
 */
export function csvStream<T>(
  header: readonly string[],
  fetch: (offset: number, limit: number) => Promise<T[]>,
  toValues: (row: T) => unknown[],
  options: { batch: number; maxRows: number },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let offset = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine([...header])));
        return;
      }
      const limit = Math.min(options.batch, options.maxRows - offset);
      const rows = limit > 0 ? await fetch(offset, limit) : [];
      offset += rows.length;
      if (rows.length) controller.enqueue(encoder.encode(rows.map((row) => csvLine(toValues(row))).join("")));
      if (rows.length < limit || limit <= 0 || offset >= options.maxRows) controller.close();
    },
  });
}
