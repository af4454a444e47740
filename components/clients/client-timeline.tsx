import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { getClientTimeline } from "@/lib/domain/clients/get-client-timeline";
import { formatDateTime } from "@/lib/utils";

type Entry = Awaited<ReturnType<typeof getClientTimeline>>[number];

const VERBS: Record<string, string> = {
  "client.create": "created the client",
  "client.update": "edited the client",
  "client.archive": "archived the client",
  "client.restore": "restored the client",
  "contact.create": "added contact",
  "contact.update": "edited contact",
  "contact.delete": "removed contact",
};

function changedFields(entry: Entry) {
  const diff = entry.diff as { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null } | null;
  if (!diff?.before || !diff?.after) return [];
  return Object.keys(diff.after).map((key) => ({ key, before: diff.before?.[key], after: diff.after?.[key] }));
}

function show(value: unknown) {
  if (value === null || value === undefined || value === "") return "—";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

export function ClientTimeline({ entries }: { entries: Entry[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Activity</CardTitle>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">No activity recorded yet.</p>
        ) : (
          <ol className="relative grid gap-4 border-l pl-4">
            {entries.map((entry) => {
              const fields = changedFields(entry);
              return (
                <li key={entry.id} className="text-sm">
                  <span className="absolute -left-1 mt-1.5 size-2 rounded-full bg-primary" aria-hidden />
                  <p>
                    <span className="font-medium">{entry.actorEmail ?? "System"}</span>{" "}
                    {VERBS[entry.action] ?? entry.action}
                    {entry.model === "Contact" && entry.display ? (
                      <span className="font-medium"> {entry.display}</span>
                    ) : null}
                  </p>
                  <p className="text-xs text-muted-foreground">{formatDateTime(entry.createdAt)}</p>
                  {fields.length ? (
                    <ul className="mt-1 text-xs text-muted-foreground">
                      {fields.slice(0, 6).map((field) => (
                        <li key={field.key}>
                          {field.key}: <s>{show(field.before)}</s> → {show(field.after)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
