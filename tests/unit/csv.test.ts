import { describe, expect, it } from "vitest";
import { csvField, csvLine, CsvParseError, parseCsv } from "@/lib/csv";
import { parseInfluencerCsv, validateImportRow } from "@/lib/domain/influencers/import-csv";
import { feeSchema, normalizeHandle } from "@/lib/domain/influencers/schemas";

describe("parseCsv (RFC 4180)", () => {
  it("splits fields and records, with CRLF, LF and a final line without a break", () => {
    expect(parseCsv("a,b,c\r\n1,2,3\n4,5,6").map((r) => r.fields)).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
  });

  it("keeps commas, line breaks and doubled quotes inside quoted fields", () => {
    const records = parseCsv('name,bio\r\n"Doe, Jane","She said ""hi""\r\nand left"\r\nnext,row\r\n');
    expect(records.map((r) => r.fields)).toEqual([
      ["name", "bio"],
      ["Doe, Jane", 'She said "hi"\r\nand left'],
      ["next", "row"],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("keeps empty fields, skips empty lines and drops a byte-order mark", () => {
    expect(parseCsv("\uFEFFa,,c\n\n,\n").map((r) => r.fields)).toEqual([
      ["a", "", "c"],
      ["", ""],
    ]);
    expect(parseCsv('""\n').map((r) => r.fields)).toEqual([[""]]);
  });

  it("refuses an unclosed quote and a stray quote, naming the line", () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvParseError);
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(/Line 2/);
    expect(() => parseCsv('a"b,c')).toThrow(/quote/);
    expect(() => parseCsv('"a"b,c')).toThrow(/closing quote/);
  });

  it("writes fields that round-trip and neutralises spreadsheet formulas", () => {
    expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("-12.5")).toBe("-12.5");
    expect(csvField(null)).toBe("");
    const line = csvLine(["a,b", 'q"', "multi\nline", 3]);
    expect(parseCsv(line)[0].fields).toEqual(["a,b", 'q"', "multi\nline", "3"]);
  });
});

describe("influencer CSV rows", () => {
  it("normalises handles: trimmed, leading @ removed, lower-case", () => {
    expect(normalizeHandle("  @Lumiere.Beauty ")).toBe("lumiere.beauty");
    expect(normalizeHandle("@@X")).toBe("x");
  });

  it("keeps fees as decimal strings with two decimals", () => {
    expect(feeSchema.parse("1200")).toBe("1200.00");
    expect(feeSchema.parse(99.5)).toBe("99.50");
    expect(feeSchema.parse("1,250.5")).toBe("1250.50");
    expect(feeSchema.safeParse("12.345").success).toBe(false);
    expect(feeSchema.safeParse("-1").success).toBe(false);
  });

  it("maps the header, requires its columns and names each bad field by column", () => {
    const rows = parseInfluencerCsv(
      "Display Name,platform,handle,followers,engagement_rate,country,languages,niches,email\nAna,instagram,@Ana.B,12 300,3.5,de,en;DE,Beauty;skin,ANA@x.test\n,myspace,,lots,200,Germany,english,,bad",
    );
    expect(rows[0]).toEqual({ line: 2, values: expect.objectContaining({ display_name: "Ana", handle: "@Ana.B" }) });
    const good = validateImportRow(rows[0]);
    expect(good.ok && good.input).toMatchObject({
      platform: "INSTAGRAM",
      handle: "ana.b",
      followers: 12300,
      engagementRate: 3.5,
      country: "DE",
      languages: ["en", "de"],
      niches: ["beauty", "skin"],
      email: "ana@x.test",
    });
    const bad = validateImportRow(rows[1]);
    expect(bad.ok).toBe(false);
    const fields = bad.ok ? [] : bad.errors.map((e) => e.field).sort();
    expect(fields).toEqual([
      "country",
      "display_name",
      "email",
      "engagement_rate",
      "followers",
      "handle",
      "languages",
      "platform",
    ]);
    expect(() => parseInfluencerCsv("name,handle\nx,y")).toThrow(/display_name, platform/);
    expect(() => parseInfluencerCsv("display_name,platform,handle\n")).toThrow(/no influencers/);
    expect(() => parseInfluencerCsv("x".repeat(5 * 1024 * 1024 + 1))).toThrow(/larger than 5 MB/);
  });
});
