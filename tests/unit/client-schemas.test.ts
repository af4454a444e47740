import { describe, expect, test } from "vitest";
import type { ZodType } from "zod";
import { toAppError } from "@/lib/errors";
import {
  contactFieldsSchema,
  createClientSchema,
  listClientsSchema,
  updateClientSchema,
  updateContactSchema,
} from "@/lib/domain/clients/schemas";

/** The field messages the entry points would answer with for this input. */
function fieldErrors(schema: ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, "the input should be refused").toBe(false);
  const error = toAppError(result.error);
  expect(error.code).toBe("VALIDATION_FAILED");
  return { fields: error.fields ?? {}, message: error.message };
}

describe("createClientSchema", () => {
  test("accepts a minimal client and fills the defaults", () => {
    expect(createClientSchema.parse({ name: "  Acme  " })).toEqual({
      name: "Acme",
      legalName: null,
      industry: null,
      website: null,
      addressLine1: null,
      addressLine2: null,
      city: null,
      postalCode: null,
      country: null,
      vatNumber: null,
      defaultCurrency: "EUR",
      status: "PROSPECT",
      tags: [],
      notes: null,
      parentId: null,
    });
  });

  test("normalises what people type", () => {
    const parsed = createClientSchema.parse({
      name: "Acme",
      website: "acme.example",
      country: " de ",
      vatNumber: "de 811 907 980",
      tags: " Beauty, skincare ,beauty,, ",
      legalName: "   ",
      parentId: "",
    });
    expect(parsed.website).toBe("https://acme.example");
    expect(parsed.country).toBe("DE");
    expect(parsed.vatNumber).toBe("DE811907980");
    expect(parsed.tags).toEqual(["beauty", "skincare"]);
    expect(parsed.legalName).toBeNull();
    expect(parsed.parentId).toBeNull();
  });

  test.each([
    ["name", { name: "" }, "Enter the client's name"],
    ["name", { name: "   " }, "Enter the client's name"],
    ["name", {}, "Enter the client's name"],
    ["name", { name: "x".repeat(121) }, "Name must be at most 120 characters"],
    ["country", { name: "A", country: "DEU" }, "Use the two-letter country code, e.g. DE"],
    ["vatNumber", { name: "A", vatNumber: "DE-81" }, "A VAT number has 4 to 20 letters and digits"],
    ["defaultCurrency", { name: "A", defaultCurrency: "XYZ" }, "Choose a currency"],
    ["status", { name: "A", status: "DELETED" }, "Choose a status"],
    ["parentId", { name: "A", parentId: "not-a-uuid" }, "Choose a parent client"],
    ["website", { name: "A", website: "http://" }, "Enter a valid web address"],
    ["legalName", { name: "A", legalName: "x".repeat(201) }, "Legal name must be at most 200 characters"],
    ["tags", { name: "A", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "Use at most 20 tags"],
    ["tags.0", { name: "A", tags: ["x".repeat(41)] }, "Each tag must be at most 40 characters"],
  ])("bad %s is named with its message", (field, input, message) => {
    const { fields, message: summary } = fieldErrors(createClientSchema, input);
    expect(fields).toHaveProperty([field], message);
    expect(summary).toContain(field);
  });

  test("several bad fields are all named", () => {
    const { fields } = fieldErrors(createClientSchema, { name: "", country: "x", status: "NOPE" });
    expect(Object.keys(fields).sort()).toEqual(["country", "name", "status"]);
  });
});

describe("updateClientSchema", () => {
  test("needs the version that was read", () => {
    expect(fieldErrors(updateClientSchema, { name: "A" }).fields.version).toBe("The version you edited is required");
    expect(fieldErrors(updateClientSchema, { version: 0 }).fields.version).toBe("The version you edited is required");
    expect(updateClientSchema.parse({ version: 3, name: "A" })).toMatchObject({ version: 3, name: "A" });
    // A number as text is not a number: the form sends its hidden version as a number (formToObject).
    expect(fieldErrors(updateClientSchema, { version: "3", name: "A" }).fields.version).toBe(
      "The version you edited is required",
    );
  });

  // BUG (lib/domain/clients/schemas.ts, updateClientSchema = clientFieldsSchema.partial()): zod 4 still
  // applies `.default()` inside `.partial()`, so a partial update that leaves out status and defaultCurrency
  // parses to { status: "PROSPECT", defaultCurrency: "EUR" } and updateClient writes those over the
  // client's real values. Remove `.fails` once the update schema has no defaults.
  test("a partial change leaves the fields it does not name out (no defaults)", () => {
    const parsed = updateClientSchema.parse({ version: 2, city: "Oslo" });
    expect(parsed).toEqual({ version: 2, city: "Oslo" });
  });

  test("a partial change does not invent name, tags or text fields", () => {
    const parsed = updateClientSchema.parse({ version: 2, city: "Oslo" });
    expect(parsed.city).toBe("Oslo");
    for (const field of ["name", "legalName", "tags", "notes", "parentId", "website", "country"]) {
      expect(parsed, field).not.toHaveProperty(field);
    }
  });
});

describe("contact schemas", () => {
  test("accepts a contact and normalises the e-mail", () => {
    const parsed = contactFieldsSchema.parse({
      name: "Ingrid",
      email: " Ingrid@Fjord.EXAMPLE ",
      phone: "+47 22 33 44 55",
    });
    expect(parsed).toMatchObject({
      name: "Ingrid",
      email: "ingrid@fjord.example",
      phone: "+47 22 33 44 55",
      preferredChannel: "EMAIL",
    });
  });

  test.each([
    ["name", { name: "" }, "Enter the contact's name"],
    ["email", { name: "A", email: "not-an-email" }, "Enter a valid e-mail address"],
    ["phone", { name: "A", phone: "call me" }, "Enter a valid phone number"],
    ["preferredChannel", { name: "A", preferredChannel: "PIGEON" }, "Choose a channel"],
  ])("bad %s is named with its message", (field, input, message) => {
    expect(fieldErrors(contactFieldsSchema, input).fields).toHaveProperty([field], message);
  });

  test("an update may leave out the name but not send a bad one", () => {
    expect(updateContactSchema.parse({ title: "CMO" }).title).toBe("CMO");
    expect(fieldErrors(updateContactSchema, { email: "x@" }).fields.email).toBe("Enter a valid e-mail address");
  });
});

describe("listClientsSchema", () => {
  test("defaults and refusals", () => {
    expect(listClientsSchema.parse({})).toEqual({ archived: "active", sort: "name", dir: "asc", take: 25 });
    expect(fieldErrors(listClientsSchema, { sort: "password" }).fields.sort).toBe(
      "sort must be one of name, status, createdAt, updatedAt",
    );
    expect(fieldErrors(listClientsSchema, { take: 1000 }).fields.take).toBe("take must be at most 100");
    expect(fieldErrors(listClientsSchema, { cursor: "1" }).fields.cursor).toBe("cursor is not valid");
  });
});
