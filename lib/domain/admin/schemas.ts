import { z } from "zod";
import { text } from "@/lib/domain/text";
import { ALL_PERMISSIONS } from "@/lib/auth/permissions";
import { ROLE_VALUES } from "@/lib/domain/auth/schemas";

export const setPermissionOverrideSchema = z.object({
  role: z.enum(ROLE_VALUES, { error: "Choose a role" }),
  permission: z.enum(ALL_PERMISSIONS as [string, ...string[]], { error: "Unknown permission" }),
  /** true/false switches the flag; null goes back to the role's default. */
  allowed: z.boolean().nullable(),
});

export const auditQuerySchema = z.object({
  model: text().max(60).optional(),
  action: text().max(60).optional(),
  cursor: z.uuid().optional(),
  take: z.coerce.number().int().min(1).max(100).default(50),
});
