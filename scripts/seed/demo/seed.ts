import { hashPassword } from "@/lib/crypto/password";
import { encrypt } from "@/lib/crypto/encryption";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedBusiness } from "./business";
import { seedContent } from "./content";
import { seedFinance } from "./finance";

// Demo data: two agencies, so isolation can be seen; users of all six roles in each; a dozen clients
// with contacts; ~40 influencers and a dozen campaigns over the status machine (scripts/seed/demo/business.ts).
// Idempotent: rows are found by natural keys (slug, e-mail, name) and only created when missing.

export const DEMO_PASSWORD = "tikit-demo-2026";
/** The demo TOTP secret of the MFA-required demo users (ADM, DIR, FIN), printed in the README. */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

type AgencySeed = {
  slug: string;
  name: string;
  domain: string;
  clients: {
    name: string;
    legalName: string;
    industry: string;
    country: string;
    currency: string;
    status: "PROSPECT" | "ACTIVE" | "INACTIVE";
    website: string;
    vat?: string;
    address?: [line1: string, postalCode: string, city: string];
    tags: string[];
    contacts: [string, string, string][];
  }[];
};

const NORTHWIND: AgencySeed = {
  slug: "northwind",
  name: "Northwind Creators",
  domain: "northwind.test",
  clients: [
    {
      name: "Lumière Cosmetics",
      legalName: "Lumière Cosmétiques SAS",
      industry: "Beauty",
      country: "FR",
      currency: "EUR",
      status: "ACTIVE",
      website: "https://lumiere.example",
      vat: "FR40303265045",
      address: ["18 rue de la Paix", "75002", "Paris"],
      tags: ["beauty", "skincare"],
      contacts: [
        ["Camille Laurent", "Brand Manager", "camille@lumiere.example"],
        ["Hugo Martin", "Head of Digital", "hugo@lumiere.example"],
      ],
    },
    {
      name: "Fjord Outdoor",
      legalName: "Fjord Outdoor AS",
      industry: "Sports & Outdoor",
      country: "NO",
      currency: "NOK",
      status: "ACTIVE",
      website: "https://fjord-outdoor.example",
      vat: "NO923609016MVA",
      address: ["Karl Johans gate 22", "0159", "Oslo"],
      tags: ["outdoor", "apparel"],
      contacts: [["Ingrid Berg", "Marketing Director", "ingrid@fjord-outdoor.example"]],
    },
    {
      name: "Brewhaus Coffee",
      legalName: "Brewhaus Coffee Roasters GmbH",
      industry: "Food & Beverage",
      country: "DE",
      currency: "EUR",
      status: "ACTIVE",
      website: "https://brewhaus.example",
      vat: "DE811907980",
      address: ["Oranienstraße 45", "10969", "Berlin"],
      tags: ["coffee", "fmcg"],
      contacts: [
        ["Jonas Weber", "Social Lead", "jonas@brewhaus.example"],
        ["Lea Fischer", "CMO", "lea@brewhaus.example"],
      ],
    },
    {
      name: "Volt Mobility",
      legalName: "Volt Mobility B.V.",
      industry: "Automotive",
      country: "NL",
      currency: "EUR",
      status: "ACTIVE",
      website: "https://volt-mobility.example",
      vat: "NL859048179B01",
      address: ["Keizersgracht 310", "1016 EZ", "Amsterdam"],
      tags: ["ev", "tech"],
      contacts: [["Sanne de Vries", "Partnerships", "sanne@volt-mobility.example"]],
    },
    {
      name: "Pixel Forge Games",
      legalName: "Pixel Forge Games Ltd",
      industry: "Gaming",
      country: "GB",
      currency: "GBP",
      status: "ACTIVE",
      website: "https://pixelforge.example",
      vat: "GB980780684",
      address: ["14 Northdown Street", "N1 9BG", "London"],
      tags: ["gaming", "twitch"],
      contacts: [["Oliver Hughes", "Community Manager", "oliver@pixelforge.example"]],
    },
    {
      name: "Maison Verte",
      legalName: "Maison Verte SARL",
      industry: "Home & Living",
      country: "FR",
      currency: "EUR",
      status: "PROSPECT",
      website: "https://maisonverte.example",
      tags: ["home", "sustainability"],
      contacts: [["Chloé Bernard", "Founder", "chloe@maisonverte.example"]],
    },
    {
      name: "Nordic Bites",
      legalName: "Nordic Bites AB",
      industry: "Food & Beverage",
      country: "SE",
      currency: "SEK",
      status: "ACTIVE",
      website: "https://nordicbites.example",
      vat: "SE556703748501",
      tags: ["food", "snacks"],
      contacts: [["Elsa Lindqvist", "Brand Manager", "elsa@nordicbites.example"]],
    },
    {
      name: "Atlas Fitness",
      legalName: "Atlas Fitness Inc.",
      industry: "Health & Fitness",
      country: "US",
      currency: "USD",
      status: "ACTIVE",
      website: "https://atlasfitness.example",
      tags: ["fitness", "apps"],
      contacts: [
        ["Maya Johnson", "Growth Lead", "maya@atlasfitness.example"],
        ["Ethan Brooks", "VP Marketing", "ethan@atlasfitness.example"],
      ],
    },
    {
      name: "Helvetia Timepieces",
      legalName: "Helvetia Timepieces SA",
      industry: "Luxury",
      country: "CH",
      currency: "CHF",
      status: "ACTIVE",
      website: "https://helvetia-time.example",
      vat: "CHE116281710",
      tags: ["luxury", "watches"],
      contacts: [["Luca Meier", "Brand Director", "luca@helvetia-time.example"]],
    },
    {
      name: "Sunny Side Travel",
      legalName: "Sunny Side Travel S.L.",
      industry: "Travel",
      country: "ES",
      currency: "EUR",
      status: "INACTIVE",
      website: "https://sunnyside.example",
      vat: "ESB12345678",
      tags: ["travel"],
      contacts: [["Lucía García", "Marketing Manager", "lucia@sunnyside.example"]],
    },
    {
      name: "Kinderwelt Toys",
      legalName: "Kinderwelt Spielwaren GmbH",
      industry: "Toys",
      country: "DE",
      currency: "EUR",
      status: "PROSPECT",
      website: "https://kinderwelt.example",
      tags: ["toys", "family"],
      contacts: [["Anna Schulz", "Head of Brand", "anna@kinderwelt.example"]],
    },
    {
      name: "Copper & Oak",
      legalName: "Copper & Oak Distillery Ltd",
      industry: "Spirits",
      country: "IE",
      currency: "EUR",
      status: "ACTIVE",
      website: "https://copperoak.example",
      vat: "IE6388047V",
      tags: ["spirits", "18+"],
      contacts: [["Siobhán Murphy", "Brand Ambassador", "siobhan@copperoak.example"]],
    },
    {
      name: "Lumière Men",
      legalName: "Lumière Cosmétiques SAS",
      industry: "Beauty",
      country: "FR",
      currency: "EUR",
      status: "ACTIVE",
      website: "https://lumiere.example/men",
      tags: ["beauty", "grooming"],
      contacts: [["Théo Petit", "Brand Manager", "theo@lumiere.example"]],
    },
  ],
};

const BLUEHARBOR: AgencySeed = {
  slug: "blueharbor",
  name: "Blue Harbor Media",
  domain: "blueharbor.test",
  clients: [
    {
      name: "Tidal Audio",
      legalName: "Tidal Audio Ltd",
      industry: "Consumer Electronics",
      country: "GB",
      currency: "GBP",
      status: "ACTIVE",
      website: "https://tidal-audio.example",
      vat: "GB123456789",
      address: ["7 Wharf Street", "BS1 4RH", "Bristol"],
      tags: ["audio", "tech"],
      contacts: [["Grace Taylor", "Marketing Lead", "grace@tidal-audio.example"]],
    },
    {
      name: "Saffron Kitchen",
      legalName: "Saffron Kitchen Ltd",
      industry: "Food & Beverage",
      country: "GB",
      currency: "GBP",
      status: "ACTIVE",
      website: "https://saffron.example",
      tags: ["food"],
      contacts: [["Priya Shah", "Founder", "priya@saffron.example"]],
    },
    {
      name: "Aurora Skincare",
      legalName: "Aurora Skincare Oy",
      industry: "Beauty",
      country: "FI",
      currency: "EUR",
      status: "ACTIVE",
      website: "https://aurora-skin.example",
      tags: ["beauty"],
      contacts: [["Aino Virtanen", "Brand Manager", "aino@aurora-skin.example"]],
    },
    {
      name: "Peak Energy Drinks",
      legalName: "Peak Beverages Inc.",
      industry: "Food & Beverage",
      country: "US",
      currency: "USD",
      status: "PROSPECT",
      website: "https://peak-energy.example",
      tags: ["drinks"],
      contacts: [["Jordan Lee", "Social Media Manager", "jordan@peak-energy.example"]],
    },
    {
      name: "Urban Cycle",
      legalName: "Urban Cycle GmbH",
      industry: "Mobility",
      country: "AT",
      currency: "EUR",
      status: "ACTIVE",
      website: "https://urbancycle.example",
      tags: ["bikes"],
      contacts: [["Felix Huber", "CMO", "felix@urbancycle.example"]],
    },
    {
      name: "Moonlit Books",
      legalName: "Moonlit Books Ltd",
      industry: "Publishing",
      country: "GB",
      currency: "GBP",
      status: "ACTIVE",
      website: "https://moonlit.example",
      tags: ["books"],
      contacts: [["Harriet Cole", "Publicity", "harriet@moonlit.example"]],
    },
    {
      name: "Verde Fashion",
      legalName: "Verde Moda S.p.A.",
      industry: "Fashion",
      country: "IT",
      currency: "EUR",
      status: "ACTIVE",
      website: "https://verde-moda.example",
      tags: ["fashion"],
      contacts: [["Giulia Romano", "PR Manager", "giulia@verde-moda.example"]],
    },
    {
      name: "Polar Pets",
      legalName: "Polar Pets ApS",
      industry: "Pets",
      country: "DK",
      currency: "DKK",
      status: "ACTIVE",
      website: "https://polarpets.example",
      tags: ["pets"],
      contacts: [["Freja Nielsen", "Marketing", "freja@polarpets.example"]],
    },
    {
      name: "Crest Bank",
      legalName: "Crest Bank plc",
      industry: "Finance",
      country: "GB",
      currency: "GBP",
      status: "PROSPECT",
      website: "https://crestbank.example",
      tags: ["fintech"],
      contacts: [["Thomas Wright", "Brand Partnerships", "thomas@crestbank.example"]],
    },
    {
      name: "Solstice Yoga",
      legalName: "Solstice Yoga LLC",
      industry: "Health & Fitness",
      country: "US",
      currency: "USD",
      status: "ACTIVE",
      website: "https://solstice-yoga.example",
      tags: ["wellness"],
      contacts: [["Ava Martinez", "Community", "ava@solstice-yoga.example"]],
    },
    {
      name: "Granite Tools",
      legalName: "Granite Tools Ltd",
      industry: "DIY",
      country: "GB",
      currency: "GBP",
      status: "INACTIVE",
      website: "https://granite-tools.example",
      tags: ["diy"],
      contacts: [["George Evans", "Marketing", "george@granite-tools.example"]],
    },
    {
      name: "Cloudberry Tea",
      legalName: "Cloudberry Tea AB",
      industry: "Food & Beverage",
      country: "SE",
      currency: "SEK",
      status: "ACTIVE",
      website: "https://cloudberry.example",
      tags: ["tea"],
      contacts: [["Astrid Holm", "Brand Lead", "astrid@cloudberry.example"]],
    },
  ],
};

type UserSeed = { key: string; name: string; role: Role; clientName?: string; mfa?: boolean };

const USERS: UserSeed[] = [
  { key: "cm", name: "Casey Morgan", role: "CM" },
  { key: "dir", name: "Dana Reyes", role: "DIR", mfa: true },
  { key: "fin", name: "Finn Olsen", role: "FIN", mfa: true },
  { key: "admin", name: "Alex Admin", role: "ADM", mfa: true },
  { key: "client", name: "Camille Laurent", role: "CLIENT", clientName: "" },
  { key: "creator", name: "Ivy Creator", role: "INF" },
];

/** demo e-mails: cm@northwind.test, client@blueharbor.test, ... */
export function demoEmail(agencySlug: string, key: string) {
  return `${key}@${agencySlug}.test`;
}

export async function seed(db: Db, options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const agencySeed of [NORTHWIND, BLUEHARBOR]) {
    const agency =
      (await db.agency.findUnique({ where: { slug: agencySeed.slug } })) ??
      (created++, await db.agency.create({ data: { slug: agencySeed.slug, name: agencySeed.name } }));

    const clientIds = new Map<string, string>();
    for (const c of agencySeed.clients) {
      let client = await db.client.findFirst({ where: { agencyId: agency.id, name: c.name }, select: { id: true } });
      if (!client) {
        created++;
        client = await db.client.create({
          data: {
            agencyId: agency.id,
            name: c.name,
            legalName: c.legalName,
            industry: c.industry,
            country: c.country,
            defaultCurrency: c.currency,
            status: c.status,
            website: c.website,
            vatNumber: c.vat ?? null,
            addressLine1: c.address?.[0] ?? null,
            postalCode: c.address?.[1] ?? null,
            city: c.address?.[2] ?? null,
            tags: c.tags,
            contacts: {
              create: c.contacts.map(([name, title, email]) => ({
                agencyId: agency.id,
                name,
                title,
                email,
                preferredChannel: "EMAIL" as const,
              })),
            },
          },
          select: { id: true },
        });
      }
      clientIds.set(c.name, client.id);
    }
    // Brand hierarchy: Lumière Men is a brand of Lumière Cosmetics.
    const parent = clientIds.get("Lumière Cosmetics");
    const child = clientIds.get("Lumière Men");
    if (parent && child)
      await db.client.updateMany({ where: { id: child, parentId: null }, data: { parentId: parent } });

    for (const u of USERS) {
      const email = demoEmail(agencySeed.slug, u.key);
      if (await db.user.findUnique({ where: { email }, select: { id: true } })) continue;
      created++;
      const scopedClient = u.role === "CLIENT" ? clientIds.get(agencySeed.clients[0].name)! : null;
      await db.user.create({
        data: {
          agencyId: agency.id,
          email,
          name: u.role === "CLIENT" ? agencySeed.clients[0].contacts[0][0] : u.name,
          passwordHash,
          mfaSecret: u.mfa ? encrypt(DEMO_TOTP_SECRET) : null,
          mfaEnabledAt: u.mfa ? new Date() : null,
          roleAssignments: {
            create: {
              agencyId: agency.id,
              role: u.role,
              scopeType: scopedClient ? "CLIENT" : "AGENCY",
              scopeId: scopedClient,
            },
          },
        },
      });
    }

    const userIds = await db.user.findMany({
      where: { email: { in: ["cm", "dir", "fin", "client", "creator"].map((key) => demoEmail(agencySeed.slug, key)) } },
      select: { id: true, email: true },
    });
    const idOf = (key: string) => userIds.find((u) => u.email === demoEmail(agencySeed.slug, key))!.id;
    created += await seedBusiness(
      db,
      agency,
      agencySeed.clients.map((c) => clientIds.get(c.name)!),
      { cm: idOf("cm"), dir: idOf("dir"), client: idOf("client"), creator: idOf("creator") },
    );
    created += await seedContent(
      db,
      agency,
      agencySeed.clients.map((c) => clientIds.get(c.name)!),
      { cm: idOf("cm"), dir: idOf("dir"), client: idOf("client"), creator: idOf("creator") },
    );

    created += await seedFinance(db, agency, {
      cm: idOf("cm"),
      dir: idOf("dir"),
      fin: idOf("fin"),
      client: idOf("client"),
      creator: idOf("creator"),
    });
  }
  log(created ? `seeded ${created} rows` : "seed: nothing to add");
  return { created };
}
