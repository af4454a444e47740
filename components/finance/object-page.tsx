import Link from "next/link";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { ObjectDetail } from "./object-detail";
import { FINANCE_TYPE_LABELS, FinanceStatusBadge } from "./status";
import type { ObjectDetailView } from "./types";

/** The whole object page for staff, shared by the agency and finance portals. */
export function ObjectPage({
  object,
  basePath,
  campaignHref,
}: {
  object: ObjectDetailView;
  basePath: string;
  campaignHref: string;
}) {
  const label = FINANCE_TYPE_LABELS[object.type] ?? object.type;
  return (
    <>
      <Breadcrumb parent={{ href: campaignHref, label: `${object.campaign.name} finance` }} current={object.title} />
      <PageHeader
        title={`${label}${object.number ? ` ${object.number}` : ""} — ${object.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <FinanceStatusBadge status={object.status} /> <span>Revision {object.revision}</span>
            <span>·</span>
            <Link href={campaignHref} className="underline-offset-4 hover:underline">
              {object.campaign.name}
            </Link>
            {object.clientName ? <span>· {object.clientName}</span> : null}
          </span>
        }
      />
      <ObjectDetail object={object} basePath={basePath} />
    </>
  );
}
