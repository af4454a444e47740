import Link from "next/link";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { ObjectDetail } from "./object-detail";
import { FINANCE_TYPE_LABELS, FinanceStatusBadge } from "./status";
import type { FinancialObjectDetail } from "@/lib/domain/finance/view-types";

/** The whole object page for staff, shared by the agency and finance portals. */
export function ObjectPage({
  detail,
  basePath,
  campaignHref,
}: {
  detail: FinancialObjectDetail;
  basePath: string;
  campaignHref: string;
}) {
  const { object, campaign } = detail;
  const label = FINANCE_TYPE_LABELS[object.type] ?? object.type;
  return (
    <>
      <Breadcrumb parent={{ href: campaignHref, label: `${campaign.name} finance` }} current={object.title} />
      <PageHeader
        title={`${label}${object.number ? ` ${object.number}` : ""} — ${object.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <FinanceStatusBadge status={object.status} /> <span>Revision {object.revision}</span>
            <span>·</span>
            <Link href={campaignHref} className="underline-offset-4 hover:underline">
              {campaign.name}
            </Link>
            {campaign.clientName ? <span>· {campaign.clientName}</span> : null}
          </span>
        }
      />
      <ObjectDetail detail={detail} basePath={basePath} />
    </>
  );
}
