import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoEmail, seed } from "@/scripts/seed/demo/seed";
import { verifyPassword } from "@/lib/crypto/password";
import { decrypt } from "@/lib/crypto/encryption";
import { CONTENT_DEMO_CAMPAIGN, CONTENT_DEMO_TASK, CONTENT_SHOWCASE_CAMPAIGN } from "@/scripts/seed/demo/content";
import { getStorage } from "@/lib/storage";
import { setTempDataDir } from "../setup/content-fixtures";
import { createScratchDatabase, useDatabase } from "../setup/scratch-database";

// The demo seed uses fixed slugs and e-mails, so it gets a database of its own on the same server (and a
// storage folder of its own for the demo PNGs).
setTempDataDir("seed");

let url: string;
let dropDatabase: () => Promise<void>;
let prisma: PrismaClient;

beforeAll(async () => {
  ({ url, drop: dropDatabase } = await createScratchDatabase("tikit_seed"));
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await dropDatabase?.();
});

async function counts() {
  const [agencies, users, roleAssignments, clients, contacts] = await Promise.all([
    prisma.agency.count(),
    prisma.user.count(),
    prisma.roleAssignment.count(),
    prisma.client.count(),
    prisma.contact.count(),
  ]);
  const [
    influencers,
    socialAccounts,
    rateCards,
    pricing,
    campaigns,
    statusChanges,
    briefs,
    assignments,
    approvals,
    notifications,
  ] = await Promise.all([
    prisma.influencerProfile.count(),
    prisma.socialAccount.count(),
    prisma.rateCard.count(),
    prisma.pricingHistory.count(),
    prisma.campaign.count(),
    prisma.campaignStatusChange.count(),
    prisma.campaignBrief.count(),
    prisma.campaignInfluencer.count(),
    prisma.approvalItem.count(),
    prisma.notification.count(),
  ]);
  return {
    agencies,
    users,
    roleAssignments,
    clients,
    contacts,
    influencers,
    socialAccounts,
    rateCards,
    pricing,
    campaigns,
    statusChanges,
    briefs,
    assignments,
    approvals,
    notifications,
  };
}

// The demo seed writes content files and finance objects for two agencies: on a busy 2-core machine a run needs
// more than the default 30 s per test.
describe("seed", { timeout: 120_000 }, () => {
  test("creates two agencies with six users each and a dozen clients; a second run creates nothing", async () => {
    const first = await seed(prisma);
    expect(first.created).toBeGreaterThan(0);
    const afterFirst = await counts();

    const agencies = await prisma.agency.findMany({
      orderBy: { slug: "asc" },
      include: { _count: { select: { users: true, clients: true } } },
    });
    expect(agencies.map((a) => a.slug)).toEqual(["blueharbor", "northwind"]);
    for (const agency of agencies) {
      expect(agency._count.users, agency.slug).toBe(6);
      expect(agency._count.clients, agency.slug).toBeGreaterThanOrEqual(12);
      const roles = await prisma.roleAssignment.findMany({
        where: { agencyId: agency.id, scopeType: { not: "CAMPAIGN" } },
        select: { role: true },
      });
      expect(roles.map((r) => r.role).sort()).toEqual(["ADM", "CLIENT", "CM", "DIR", "FIN", "INF"]);
    }

    const second = await seed(prisma);
    expect(second.created).toBe(0);
    expect(await counts()).toEqual(afterFirst);
    // Seeding two agencies (business and finance data) takes ~15 s alone and more on a busy machine.
  }, 120_000);

  test("the demo accounts are usable: password, MFA secret, client scope, hierarchy", async () => {
    const dir = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("northwind", "dir") } });
    expect(dir.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(dir.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(decrypt(dir.mfaSecret!)).toBe(DEMO_TOTP_SECRET);
    const cm = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("northwind", "cm") } });
    expect(cm.mfaSecret).toBeNull();

    const clientUser = await prisma.user.findUniqueOrThrow({
      where: { email: demoEmail("blueharbor", "client") },
      include: { roleAssignments: true },
    });
    const [assignment] = clientUser.roleAssignments;
    expect(assignment).toMatchObject({ role: "CLIENT", scopeType: "CLIENT" });
    const scoped = await prisma.client.findUniqueOrThrow({ where: { id: assignment.scopeId! } });
    expect(scoped.agencyId).toBe(clientUser.agencyId);

    const men = await prisma.client.findFirstOrThrow({ where: { name: "Lumière Men" }, include: { parent: true } });
    expect(men.parent?.name).toBe("Lumière Cosmetics");
  });
});

describe("seed: influencers and campaigns", { timeout: 120_000 }, () => {
  test("each agency has ~40 influencers, STUB and FULL, with 1–3 social accounts, rate cards and pricing history", async () => {
    for (const slug of ["northwind", "blueharbor"]) {
      const agency = await prisma.agency.findUniqueOrThrow({ where: { slug } });
      const influencers = await prisma.influencerProfile.findMany({
        where: { agencyId: agency.id },
        include: { socialAccounts: true, rateCards: true },
      });
      expect(influencers.length, slug).toBeGreaterThanOrEqual(40);
      expect(
        influencers.some((i) => i.profileType === "STUB"),
        slug,
      ).toBe(true);
      expect(
        influencers.some((i) => i.profileType === "FULL"),
        slug,
      ).toBe(true);
      for (const influencer of influencers) {
        expect(influencer.socialAccounts.length, influencer.displayName).toBeGreaterThanOrEqual(1);
        expect(influencer.socialAccounts.length, influencer.displayName).toBeLessThanOrEqual(3);
        // The kept totals agree with the accounts.
        expect(influencer.totalFollowers).toBe(influencer.socialAccounts.reduce((sum, s) => sum + s.followers, 0));
        for (const account of influencer.socialAccounts) expect(account.engagementRate).not.toBeNull();
      }
      expect(
        influencers
          .filter((i) => i.profileType === "FULL")
          .every((i) => i.rateCards.length > 0 && i.email && i.country),
      ).toBe(true);
      expect(await prisma.pricingHistory.count({ where: { agencyId: agency.id } }), slug).toBeGreaterThan(0);
      const creator = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail(slug, "creator") } });
      expect(influencers.find((i) => i.userId === creator.id)?.displayName).toBe("Ivy Creator");
    }
  });

  test("a dozen campaigns over the status machine, with history, brief revisions, assignments and owners", async () => {
    for (const slug of ["northwind", "blueharbor"]) {
      const agency = await prisma.agency.findUniqueOrThrow({ where: { slug } });
      const campaigns = await prisma.campaign.findMany({
        where: { agencyId: agency.id },
        include: { statusChanges: { orderBy: { createdAt: "asc" } }, briefs: true, assignments: true, owner: true },
      });
      expect(campaigns.length, slug).toBeGreaterThanOrEqual(12);
      const statuses = new Set(campaigns.map((c) => c.status));
      for (const status of [
        "DRAFT",
        "BRIEF_IN_REVIEW",
        "SOURCING",
        "SHORTLIST_IN_REVIEW",
        "IN_PRODUCTION",
        "LIVE",
        "CLOSED",
        "ON_HOLD",
        "CANCELLED",
      ] as const) {
        expect(statuses.has(status), `${slug} ${status}`).toBe(true);
      }
      for (const c of campaigns) {
        expect([demoEmail(slug, "cm"), demoEmail(slug, "dir")]).toContain(c.owner.email);
        // History starts at DRAFT, chains from → to, and ends where the campaign is.
        expect(c.statusChanges[0]).toMatchObject({ from: null, to: "DRAFT" });
        for (let k = 1; k < c.statusChanges.length; k++)
          expect(c.statusChanges[k].from).toBe(c.statusChanges[k - 1].to);
        expect(c.statusChanges.at(-1)!.to, c.name).toBe(c.status);
        expect(c.briefs.length).toBe(c.briefRevision);
        if (c.status === "ON_HOLD") expect(c.statusBeforeHold).not.toBeNull();
      }
      expect(campaigns.find((c) => c.status === "SOURCING")!.assignments.length).toBeGreaterThan(0);
      expect(campaigns.find((c) => c.status === "DRAFT")!.missingInfo.length).toBeGreaterThan(0);
    }
  });

  test("the demo client user has a pending brief approval for their client, and a shortlist waits too", async () => {
    const clientUser = await prisma.user.findUniqueOrThrow({
      where: { email: demoEmail("northwind", "client") },
      include: { roleAssignments: true },
    });
    const lumiere = await prisma.client.findFirstOrThrow({
      where: { agencyId: clientUser.agencyId, name: "Lumière Cosmetics" },
    });
    expect(clientUser.roleAssignments[0].scopeId).toBe(lumiere.id);
    const brief = await prisma.approvalItem.findFirstOrThrow({
      where: { agencyId: clientUser.agencyId, type: "BRIEF", status: "PENDING" },
      include: { campaign: true },
    });
    expect(brief).toMatchObject({
      approverRole: "CLIENT",
      approverScopeType: "CLIENT",
      approverScopeId: lumiere.id,
      subjectType: "CampaignBrief",
    });
    expect(brief.campaign).toMatchObject({ clientId: lumiere.id, status: "BRIEF_IN_REVIEW" });
    expect(brief.subjectVersion).toBe(brief.campaign.briefRevision);

    const shortlist = await prisma.approvalItem.findFirstOrThrow({
      where: { agencyId: clientUser.agencyId, type: "SHORTLIST", status: "PENDING" },
      include: { campaign: { include: { assignments: true } } },
    });
    expect(shortlist.campaign.status).toBe("SHORTLIST_IN_REVIEW");
    expect(shortlist.campaign.assignments.every((a) => a.status === "PROPOSED")).toBe(true);
    const lines = (shortlist.subjectSnapshot as { lines: { lineId: string }[] }).lines.map((l) => l.lineId).sort();
    expect(lines).toEqual(shortlist.campaign.assignments.map((a) => a.id).sort());

    const unread = await prisma.notification.count({ where: { userId: clientUser.id, readAt: null } });
    expect(unread).toBeGreaterThan(0);
  });

  test("the CM is scoped to one campaign they do not own", async () => {
    const cm = await prisma.user.findUniqueOrThrow({
      where: { email: demoEmail("northwind", "cm") },
      include: { roleAssignments: true },
    });
    const scoped = cm.roleAssignments.filter((r) => r.scopeType === "CAMPAIGN");
    expect(scoped).toHaveLength(1);
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: scoped[0].scopeId! } });
    expect(campaign.agencyId).toBe(cm.agencyId);
    expect(campaign.ownerId).not.toBe(cm.id);
  });

  test("content: the e2e campaign has exactly one offered task for the demo creator; the showcase has every task status", async () => {
    for (const slug of ["northwind", "blueharbor"] as const) {
      const agency = await prisma.agency.findUniqueOrThrow({ where: { slug } });
      const creator = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail(slug, "creator") } });
      const clientUser = await prisma.user.findUniqueOrThrow({
        where: { email: demoEmail(slug, "client") },
        include: { roleAssignments: true },
      });
      const demo = await prisma.campaign.findFirstOrThrow({
        where: { agencyId: agency.id, name: CONTENT_DEMO_CAMPAIGN[slug] },
        include: { contentTasks: true, assignments: { include: { influencer: true } } },
      });
      expect(demo).toMatchObject({ status: "IN_PRODUCTION", clientId: clientUser.roleAssignments[0].scopeId });
      expect(demo.assignments.map((a) => [a.influencer.userId, a.status])).toEqual([[creator.id, "CONTRACTED"]]);
      expect(demo.contentTasks).toHaveLength(1);
      const [task] = demo.contentTasks;
      expect(task).toMatchObject({ title: CONTENT_DEMO_TASK[slug], status: "OFFERED", requiredArtifacts: ["DRAFT"] });
      expect(task.fee?.toFixed(2)).toBe("900.00");
      expect(task.dueAt!.getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);

      const showcase = await prisma.campaign.findFirstOrThrow({
        where: { agencyId: agency.id, name: CONTENT_SHOWCASE_CAMPAIGN[slug] },
        include: { contentTasks: { include: { artifacts: true } } },
      });
      const statuses = new Set(showcase.contentTasks.map((t) => t.status));
      for (const status of [
        "OFFERED",
        "ACCEPTED",
        "DECLINED",
        "IN_PROGRESS",
        "SUBMITTED",
        "IN_REVIEW",
        "CHANGES_REQUESTED",
        "APPROVED",
        "SCHEDULED",
        "PUBLISHED",
        "CANCELLED",
      ] as const)
        expect(statuses.has(status), status).toBe(true);
      const scripts = showcase.contentTasks
        .flatMap((t) => t.artifacts)
        .filter((a) => a.artifactType === "SCRIPT")
        .map((a) => a.version);
      expect(Math.max(...scripts)).toBe(3);
      const files = showcase.contentTasks.flatMap((t) => t.artifacts).filter((a) => a.fileHash);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(await getStorage().stat(f.fileHash!)).toEqual({ size: Number(f.sizeBytes) });
      expect(await prisma.contentReview.count({ where: { agencyId: agency.id } })).toBeGreaterThan(3);
      const comments = await prisma.approvalComment.findMany({
        where: { agencyId: agency.id, approval: { subjectType: "ContentArtifact" } },
      });
      expect(comments.some((c) => c.internal)).toBe(true);
      expect(comments.some((c) => c.anchor !== null)).toBe(true);
      expect(showcase.contentTasks.some((t) => t.publishedUrl && t.views)).toBe(true);
      // The client user has content waiting for them.
      expect(
        await prisma.approvalItem.count({
          where: {
            agencyId: agency.id,
            subjectType: "ContentArtifact",
            approverRole: "CLIENT",
            status: "PENDING",
            approverScopeId: clientUser.roleAssignments[0].scopeId,
          },
        }),
      ).toBeGreaterThan(0);
    }
  });

  test("a third run changes nothing either", async () => {
    const before = await counts();
    expect((await seed(prisma)).created).toBe(0);
    expect(await counts()).toEqual(before);
  });
});

describe("seed: notifications", { timeout: 120_000 }, () => {
  // Issue 12, item 8: the seed told the Lumière client user about another client's shortlist. Every seeded
  // notification is opened as its recipient through the domain's own reads (the same scope rules the pages use),
  // and every campaign named in its text must be one the recipient may see.
  test("every notification names and links only what its recipient may see", async () => {
    await seed(prisma); // the first describe seeded already; this keeps the test runnable alone (adds nothing)
    const { loadUserContext } = await import("@/lib/auth/context");
    const { getApproval } = await import("@/lib/domain/approvals/get-approval");
    const { getCampaign } = await import("@/lib/domain/campaigns/get-campaign");
    const { getContentTask } = await import("@/lib/domain/content/get-content-task");
    const restoreDatabase = await useDatabase(url); // the domain functions read the seeded database
    try {
      const notifications = await prisma.notification.findMany({ orderBy: { createdAt: "asc" } });
      expect(notifications.length).toBeGreaterThan(5);
      const campaigns = await prisma.campaign.findMany({ select: { id: true, agencyId: true, name: true } });
      const problems: string[] = [];
      const visible = async (what: string, read: () => Promise<unknown>) => {
        try {
          await read();
        } catch (error) {
          problems.push(`${what}: ${error instanceof Error ? error.message : error}`);
        }
      };
      for (const n of notifications) {
        const ctx = await loadUserContext(n.userId);
        expect(ctx, n.title).not.toBeNull();
        const label = `"${n.title}" to ${n.userId}`;
        const link = new URL(n.link ?? "/", "http://tikit.test");
        const [, portal, area, id] = link.pathname.split("/");
        // The campaign the link opens, as the recipient sees it: a creator's task names its own campaign.
        let linkedCampaignId: string | null = null;
        if (portal === "client" && area === "approvals")
          await visible(label, async () => (linkedCampaignId = (await getApproval(ctx!, id)).campaignId));
        else if (portal === "agency" && area === "campaigns") {
          await visible(label, async () => (linkedCampaignId = (await getCampaign(ctx!, id)).id));
          const approvalId = link.searchParams.get("approval");
          if (approvalId) await visible(label, () => getApproval(ctx!, approvalId));
        } else if (portal === "creator" && area === "tasks")
          await visible(label, async () => (linkedCampaignId = (await getContentTask(ctx!, id)).task.campaign.id));
        else problems.push(`${label}: no rule for the link ${n.link}; add one to this test`);
        for (const c of campaigns) {
          if (c.agencyId !== n.agencyId || !`${n.title} ${n.body ?? ""}`.includes(c.name) || c.id === linkedCampaignId)
            continue;
          await visible(`${label} names "${c.name}"`, () => getCampaign(ctx!, c.id));
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await restoreDatabase();
    }
  });
});

describe("seed: finance", { timeout: 120_000 }, () => {
  test("gapless invoice numbers (one partly paid, one paid, one void), the e2e fixtures, the creator's payouts", async () => {
    const { FINANCE_E2E } = await import("@/scripts/seed/demo/finance");
    for (const slug of ["northwind", "blueharbor"] as const) {
      const agency = await prisma.agency.findUniqueOrThrow({ where: { slug } });
      const invoices = await prisma.financialObject.findMany({
        where: { agencyId: agency.id, type: "CLIENT_INVOICE", number: { not: null } },
        orderBy: { numberSeq: "asc" },
      });
      expect(
        invoices.map((i) => i.numberSeq),
        slug,
      ).toEqual(invoices.map((_, k) => k + 1));
      expect(invoices.some((i) => i.status === "VOID" && i.number)).toBe(true);
      expect(invoices.some((i) => i.status === "PAID" && i.paidAmount.equals(i.total))).toBe(true);
      expect(invoices.some((i) => i.status === "ISSUED" && i.paidAmount.gt(0) && i.paidAmount.lt(i.total))).toBe(true);
      const counter = await prisma.invoiceCounter.findFirstOrThrow({ where: { agencyId: agency.id } });
      expect(counter.lastNumber).toBe(invoices.length);

      const campaign = await prisma.campaign.findFirstOrThrow({
        where: { agencyId: agency.id, name: FINANCE_E2E[slug].campaign },
        include: { client: true },
      });
      expect(campaign.status).toBe("BUDGET_IN_REVIEW");
      expect(campaign.client.name).toBe(FINANCE_E2E[slug].client);
      expect(await prisma.financialObject.count({ where: { campaignId: campaign.id, type: "BUDGET" } })).toBe(0);
      const e2eInvoice = await prisma.financialObject.findFirstOrThrow({
        where: { campaignId: campaign.id, title: FINANCE_E2E[slug].invoice },
      });
      expect(e2eInvoice).toMatchObject({ type: "CLIENT_INVOICE", status: "APPROVED", number: null });

      const creator = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail(slug, "creator") } });
      const ivy = await prisma.influencerProfile.findFirstOrThrow({ where: { userId: creator.id } });
      expect(
        await prisma.financialObject.count({ where: { influencerId: ivy.id, type: "PAYOUT", status: "PAID" } }),
      ).toBeGreaterThan(0);
      // Every object has its first revision's snapshot.
      const withoutRevision = await prisma.financialObject.count({
        where: { agencyId: agency.id, type: { notIn: ["PAYMENT", "PAYOUT"] }, revisions: { none: {} } },
      });
      expect(withoutRevision).toBe(0);
    }
  });
});
