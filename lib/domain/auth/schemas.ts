import { z } from "zod";
import { text } from "@/lib/domain/text";
import { ROLE_VALUES } from "./values";
export { ROLE_VALUES } from "./values";

export const emailSchema = text({ error: "Enter your e-mail address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your e-mail address")
  .max(254, "E-mail address is too long")
  .pipe(z.email({ error: "Enter a valid e-mail address" }));

export const newPasswordSchema = text({ error: "Choose a password" })
  .min(12, "Use at least 12 characters")
  .max(200, "Use at most 200 characters");

export const totpCodeSchema = text()
  .trim()
  .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app");

export const signInSchema = z.object({
  email: emailSchema,
  password: text({ error: "Enter your password" }).min(1, "Enter your password").max(200),
  code: z.union([totpCodeSchema, z.literal("")]).optional(),
  callbackUrl: text().max(2000).optional(),
});

export const mfaEnrolmentSchema = z.object({
  token: text().min(1).max(200),
  code: totpCodeSchema,
  callbackUrl: text().max(2000).optional(),
});

export const acceptInvitationSchema = z
  .object({
    token: text().min(1).max(200),
    name: text().trim().min(1, "Enter your name").max(120, "Use at most 120 characters"),
    password: newPasswordSchema,
    confirmPassword: text(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });

export const requestPasswordResetSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: text().min(1).max(200),
    password: newPasswordSchema,
    confirmPassword: text(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });

export const invitationSchema = z
  .object({
    email: emailSchema,
    name: text().trim().min(1, "Enter the person's name").max(120, "Use at most 120 characters"),
    role: z.enum(ROLE_VALUES, { error: "Choose a role" }),
    scopeType: z.enum(["AGENCY", "CLIENT", "CAMPAIGN"]).default("AGENCY"),
    scopeId: z.union([z.uuid({ error: "Choose what the role is scoped to" }), z.literal(""), z.null()]).optional(),
  })
  .transform((v) => ({ ...v, scopeId: v.scopeType === "AGENCY" ? null : v.scopeId || null }))
  .refine((v) => v.scopeType === "AGENCY" || v.scopeId, {
    path: ["scopeId"],
    message: "Choose what the role is scoped to",
  })
  .refine((v) => v.role !== "CLIENT" || v.scopeType === "CLIENT", {
    path: ["scopeType"],
    message: "A client user must be scoped to their client",
  });

export type SignInInput = z.input<typeof signInSchema>;
export type InvitationInput = z.input<typeof invitationSchema>;
