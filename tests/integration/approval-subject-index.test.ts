import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAgencyWithClients } from "../setup/factories";
import { createCampaignRow } from "../setup/campaign-factories";

// The approvals of one subject (a financial object's chain, the pending item of a content version) are found through
// the subject's index, not by reading every approval of the agency (migration 20261205130000_approval_subject_index).

let owner: pg.Client;
let agency: string;
let subject: string;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerUrl") });
  await owner.connect();
  // An agency with 3,000 approvals of financial objects, one subject each, as statistics to plan with.
  const w = await createAgencyWithClients("SubjectIndex");
  const campaign = await createCampaignRow(w.agency.id, { clientId: w.clientOne.id, ownerId: w.manager.user.id });
  const { rows } = await owner.query(
    `INSERT INTO "ApprovalItem" (id, "agencyId", "campaignId", type, status, "subjectType", "subjectId", "subjectVersion",
                                 "approverRole", step, "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'BUDGET', CASE WHEN i % 3 = 0 THEN 'APPROVED' ELSE 'PENDING' END::"ApprovalStatus",
            'FinancialObject', gen_random_uuid(), 1, 'FIN', 1, now()
       FROM generate_series(1, 3000) i
     RETURNING "subjectId"`,
    [w.agency.id, campaign.id],
  );
  agency = w.agency.id;
  subject = rows[1500].subjectId;
  await owner.query(`ANALYZE "ApprovalItem"`);
}, 60_000);

afterAll(async () => {
  await owner?.end();
});

async function plan(text: string, values: unknown[]) {
  const { rows } = await owner.query({ text: `EXPLAIN ${text}`, values });
  return rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]).join("\n");
}

describe("approvals by subject", () => {
  it("a financial object's chain and its pending item for the caller are read through the subject's index", async () => {
    const chain = await plan(
      `SELECT * FROM "ApprovalItem" WHERE "agencyId" = $1 AND "subjectType" = 'FinancialObject' AND "subjectId" = $2
         AND "subjectVersion" = 1 ORDER BY step, "createdAt" DESC`,
      [agency, subject],
    );
    expect(chain).toMatch(
      /Index (Only )?Scan.* on "ApprovalItem_subjectId_subjectType_status_idx"|using "ApprovalItem_subjectId_subjectType_status_idx"/,
    );
    const pending = await plan(
      `SELECT count(*) FROM "ApprovalItem" WHERE "agencyId" = $1 AND "subjectType" = 'FinancialObject'
         AND "subjectId" = $2 AND status = 'PENDING' AND "subjectVersion" = 1`,
      [agency, subject],
    );
    expect(pending).toMatch(/"ApprovalItem_subjectId_subjectType_status_idx"/);
  });
});
