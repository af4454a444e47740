import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getPermissionMatrix } from "@/lib/domain/admin/get-permission-matrix";
import { PermissionMatrix } from "./permission-matrix";

export const metadata: Metadata = { title: "Permissions" };

export default async function PermissionsPage() {
  const ctx = await requirePortal("admin");
  await requirePagePermission(ctx, "permission.manage");
  const matrix = await getPermissionMatrix(ctx);
  return (
    <>
      <PageHeader
        title="Permissions"
        description="What each role may do in your agency. Every role starts from a default set; switch single flags here. Changes apply on the next page load of the people concerned and are written to the audit log."
      />
      <PermissionMatrix roles={matrix.roles} rows={matrix.permissions} />
    </>
  );
}
