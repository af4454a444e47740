import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { getClient } from "@/lib/domain/clients/get-client";

type Client = Awaited<ReturnType<typeof getClient>>;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children || "—"}</dd>
    </div>
  );
}

export function ClientDetails({ client, basePath }: { client: Client; basePath: string }) {
  const address = [
    client.addressLine1,
    client.addressLine2,
    [client.postalCode, client.city].filter(Boolean).join(" "),
    client.country,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Details</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="divide-y">
          <Row label="Legal name">{client.legalName}</Row>
          <Row label="Industry">{client.industry}</Row>
          <Row label="Website">
            {client.website ? (
              <a
                href={client.website}
                rel="noopener noreferrer"
                target="_blank"
                className="text-primary hover:underline"
              >
                {client.website}
              </a>
            ) : null}
          </Row>
          <Row label="Billing address">{address}</Row>
          <Row label="VAT number">{client.vatNumber}</Row>
          <Row label="Currency">{client.defaultCurrency}</Row>
          <Row label="Tags">{client.tags.length ? client.tags.join(", ") : null}</Row>
          {client.parent ? (
            <Row label="Part of">
              <Link href={`${basePath}/${client.parent.id}`} className="text-primary hover:underline">
                {client.parent.name}
              </Link>
            </Row>
          ) : null}
          {client.children.length ? (
            <Row label="Brands">
              {client.children.map((child, index) => (
                <span key={child.id}>
                  {index ? ", " : ""}
                  <Link href={`${basePath}/${child.id}`} className="text-primary hover:underline">
                    {child.name}
                  </Link>
                </span>
              ))}
            </Row>
          ) : null}
          {client.notes ? <Row label="Notes">{client.notes}</Row> : null}
        </dl>
      </CardContent>
    </Card>
  );
}
