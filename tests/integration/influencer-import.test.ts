import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db, getDb } from "@/lib/db/client";
import { createStubInfluencer } from "@/lib/domain/influencers/create-stub-influencer";
import {
  commitInfluencerImport,
  previewInfluencerImport,
  readImportFile,
} from "@/lib/domain/influencers/import-influencers";
import { createActor, createAgency, expectAppError, uid } from "../setup/factories";

// CSV import: the preview lists every bad row (line, column, message) and writes nothing; the commit
// writes every good row, each in its own transaction, so a row that fails half-way leaves nothing.

let manager: AuthContext;
let agencyId: string;
const t = uid();

beforeAll(async () => {
  const agency = await createAgency("Import");
  agencyId = agency.id;
  manager = (await createActor(agency.id, { role: "CM" })).ctx;
  await createStubInfluencer(manager, { displayName: "Already Here", platform: "INSTAGRAM", handle: `taken${t}` });
});

const csv = [
  "display_name,platform,handle,followers,engagement_rate,country,languages,niches,email",
  `Good One ${t},instagram,@GoodOne${t},"12,000",3.1,fr,fr;en,beauty,one@x.test`,
  `"Quoted, Two ${t}",tiktok,two${t},500,,DE,de,"food;travel",`,
  `,instagram,bad${t},x,300,France,,,not-an-email`,
  `Dup In File ${t},instagram,goodone${t},1,,,,,`,
  `Taken ${t},instagram,taken${t},1,,,,,`,
].join("\r\n");

const profiles = () => db.influencerProfile.count({ where: { agencyId } });

describe("influencer import", () => {
  it("preview: every bad row with its line, column and message; nothing written", async () => {
    const before = { profiles: await profiles(), audit: await db.auditLog.count({ where: { agencyId } }) };
    const preview = await previewInfluencerImport(manager, readImportFile(csv));
    expect(preview).toMatchObject({ valid: 2, invalid: 3 });
    const errors = preview.rows.flatMap((r) => r.errors);
    expect(
      errors
        .filter((e) => e.line === 4)
        .map((e) => e.field)
        .sort(),
    ).toEqual(["country", "display_name", "email", "engagement_rate", "followers"]);
    expect(errors.find((e) => e.line === 5)).toMatchObject({
      field: "handle",
      message: expect.stringContaining("line 2"),
    });
    expect(errors.find((e) => e.line === 6)).toMatchObject({
      field: "handle",
      message: expect.stringContaining("already in the directory"),
    });
    expect({ profiles: await profiles(), audit: await db.auditLog.count({ where: { agencyId } }) }).toEqual(before);
  });

  it("commit: writes only the good rows, whole, with their audit entries", async () => {
    const before = await profiles();
    const result = await commitInfluencerImport(manager, readImportFile(csv));
    expect(result.created).toBe(2);
    expect(result.rows.filter((r) => !r.ok).map((r) => [r.line, r.errors[0].field])).toEqual([
      [4, "display_name"],
      [5, "handle"],
      [6, "handle"],
    ]);
    expect(await profiles()).toBe(before + 2);
    const two = await db.influencerProfile.findFirstOrThrow({
      where: { agencyId, displayName: `Quoted, Two ${t}` },
      include: { socialAccounts: true },
    });
    expect(two).toMatchObject({ profileType: "STUB", country: "DE", niches: ["food", "travel"], totalFollowers: 500 });
    expect(two.socialAccounts.map((s) => [s.platform, s.handle])).toEqual([["TIKTOK", `two${t}`]]);
    expect(await db.auditLog.count({ where: { agencyId, action: "influencer.import" } })).toBe(2);
    // Duplicate handle: the profile was inserted first, then the handle refused; the row left nothing.
    expect(
      await db.influencerProfile.count({
        where: { agencyId, displayName: { in: [`Dup In File ${t}`, `Taken ${t}`] } },
      }),
    ).toBe(0);
  });

  it("a row failing mid-way (after its profile was written) leaves nothing of itself, and the next rows go on", async () => {
    const rows = readImportFile(`display_name,platform,handle\nBoom ${t},x,boom${t}\nAfter ${t},x,after${t}`);
    const client = getDb();
    const original = client.$transaction.bind(client) as (fn: (tx: unknown) => Promise<unknown>) => Promise<unknown>;
    const spy = vi.spyOn(client, "$transaction");
    // Make the social-account insert of the first row fail inside its transaction, after the profile insert.
    spy.mockImplementationOnce(((fn: (tx: unknown) => Promise<unknown>) =>
      original(async (tx) =>
        fn(
          new Proxy(tx as object, {
            get: (target, prop) =>
              prop === "socialAccount"
                ? { create: () => Promise.reject(new Error("disk full")) }
                : Reflect.get(target, prop),
          }),
        ),
      )) as never);
    const result = await commitInfluencerImport(manager, rows);
    spy.mockRestore();
    expect(result.rows.map((r) => [r.line, r.ok])).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(result.rows[0].errors[0].field).toBe("row");
    expect(await db.influencerProfile.count({ where: { agencyId, displayName: `Boom ${t}` } })).toBe(0);
    expect(await db.influencerProfile.count({ where: { agencyId, displayName: `After ${t}` } })).toBe(1);
  });

  it("refuses a file that is too large, too long, not CSV or without the columns, naming the file", async () => {
    const header = "display_name,platform,handle\n";
    for (const text of [
      header + "x,instagram,y\n".repeat(20_001),
      'display_name,platform,handle\n"open',
      "a,b\n1,2",
      "x".repeat(5 * 1024 * 1024 + 10),
    ]) {
      const error = await expectAppError(async () => readImportFile(text), "VALIDATION_FAILED");
      expect(Object.keys(error.fields ?? {})).toEqual(["file"]);
    }
  });
});
