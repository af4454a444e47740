import Link from "next/link";
import { KanbanIcon, TableIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/** Table ⇄ board, keeping the filters the two share. */
export function ViewToggle({ current, query }: { current: "table" | "board"; query: string }) {
  const item = (view: "table" | "board", href: string, label: string, Icon: typeof TableIcon) => (
    <Link
      href={query ? `${href}?${query}` : href}
      aria-current={current === view ? "page" : undefined}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm",
        current === view ? "bg-background font-medium shadow-xs" : "text-muted-foreground hover:text-foreground",
      )}
    >
      <Icon className="size-4" aria-hidden />
      {label}
    </Link>
  );
  return (
    <nav aria-label="View" className="inline-flex rounded-lg bg-muted p-1">
      {item("table", "/agency/campaigns", "Table", TableIcon)}
      {item("board", "/agency/campaigns/board", "Board", KanbanIcon)}
    </nav>
  );
}

export function sharedQuery(params: Record<string, string | undefined>, keys = ["q", "clientId", "ownerId"]): string {
  const query = new URLSearchParams();
  for (const key of keys) if (params[key]) query.set(key, params[key]!);
  return query.toString();
}
