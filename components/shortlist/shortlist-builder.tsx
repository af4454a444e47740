"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  addToShortlistAction,
  removeFromShortlistAction,
  searchShortlistCandidatesAction,
  updateShortlistEntryAction,
} from "@/lib/actions/shortlist";

export type BuilderLine = {
  id: string;
  name: string;
  handles: string;
  status: string;
  proposedFee: string | null;
  currency: string;
  history: { id: string; campaignName: string | null; fee: string; currency: string; agreedAt: string }[];
};
type Candidate = {
  id: string;
  displayName: string;
  totalFollowers: number;
  socials: { platform: string; handle: string }[];
};

function FeeEditor({ campaignId, line, editable }: { campaignId: string; line: BuilderLine; editable: boolean }) {
  const router = useRouter();
  const [fee, setFee] = useState(line.proposedFee ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!editable)
    return <span className="tabular-nums">{line.proposedFee ? `${line.currency} ${line.proposedFee}` : "—"}</span>;
  return (
    <form
      method="post"
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await updateShortlistEntryAction({
            campaignId,
            assignmentId: line.id,
            changes: { proposedFee: fee },
          });
          if (!result.ok) return setError(result.error.fields?.["changes.proposedFee"] ?? result.error.message);
          setError(null);
          router.refresh();
        });
      }}
    >
      <label className="sr-only" htmlFor={`fee-${line.id}`}>
        Proposed fee for {line.name} ({line.currency})
      </label>
      <span className="text-xs text-muted-foreground">{line.currency}</span>
      <Input
        id={`fee-${line.id}`}
        name="proposedFee"
        inputMode="decimal"
        className="h-8 w-28"
        value={fee}
        onChange={(e) => setFee(e.target.value)}
        aria-invalid={error ? true : undefined}
      />
      <Button type="submit" size="sm" variant="outline" disabled={pending || fee === (line.proposedFee ?? "")}>
        Save
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      ) : null}
    </form>
  );
}

/** Search the directory, add to the shortlist (fee from the rate card, editable), remove, see pricing history. */
export function ShortlistBuilder({
  campaignId,
  lines,
  editable,
}: {
  campaignId: string;
  lines: BuilderLine[];
  editable: boolean;
}) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<Candidate[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const onList = new Set(lines.map((l) => l.name));
  const run = (work: () => Promise<string | null>) => startTransition(async () => setMessage(await work()));

  return (
    <div className="grid gap-4">
      {editable ? (
        <form
          method="post"
          role="search"
          className="flex flex-wrap gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(async () => {
              const result = await searchShortlistCandidatesAction({ q });
              if (!result.ok) return result.error.message;
              setResults(result.data);
              return null;
            });
          }}
        >
          <label htmlFor="shortlist-search" className="sr-only">
            Search the directory by name or handle
          </label>
          <Input
            id="shortlist-search"
            name="q"
            placeholder="Search the directory by name or @handle"
            className="max-w-sm"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <Button type="submit" variant="outline" disabled={pending}>
            Search
          </Button>
        </form>
      ) : null}
      {message ? (
        <p role="alert" className="text-sm text-destructive">
          {message}
        </p>
      ) : null}
      {results ? (
        <ul aria-label="Search results" className="grid gap-1 rounded-md border p-2">
          {results.length === 0 ? <li className="text-sm text-muted-foreground">No influencer matches.</li> : null}
          {results.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                <span className="font-medium">{c.displayName}</span>{" "}
                <span className="text-muted-foreground">
                  {c.socials.map((s) => `@${s.handle}`).join(" ")} · {c.totalFollowers.toLocaleString("en-GB")}{" "}
                  followers
                </span>
              </span>
              <Button
                size="sm"
                disabled={pending || onList.has(c.displayName)}
                aria-label={`Add ${c.displayName} to the shortlist`}
                onClick={() =>
                  run(async () => {
                    const result = await addToShortlistAction({ campaignId, influencerId: c.id });
                    if (!result.ok) return result.error.message;
                    router.refresh();
                    return null;
                  })
                }
              >
                {onList.has(c.displayName) ? "Added" : "Add"}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {lines.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No influencer on the shortlist yet. Search the directory to add some.
        </p>
      ) : (
        <ul aria-label="Shortlist" className="grid gap-2">
          {lines.map((line) => (
            <li key={line.id} className="grid gap-2 rounded-md border p-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{line.name}</span>{" "}
                  <span className="text-muted-foreground">{line.handles}</span>{" "}
                  <span className="rounded bg-muted px-1.5 py-0.5 text-xs">
                    {line.status.replaceAll("_", " ").toLowerCase()}
                  </span>
                </span>
                <span className="flex flex-wrap items-center gap-2">
                  <FeeEditor
                    key={`${line.id}-${line.proposedFee}`}
                    campaignId={campaignId}
                    line={line}
                    editable={editable}
                  />
                  {editable ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove ${line.name}`}
                      disabled={pending}
                      onClick={() =>
                        run(async () => {
                          const result = await removeFromShortlistAction({ campaignId, assignmentId: line.id });
                          if (!result.ok) return result.error.message;
                          router.refresh();
                          return null;
                        })
                      }
                    >
                      Remove
                    </Button>
                  ) : null}
                </span>
              </div>
              <details>
                <summary className="cursor-pointer text-xs text-muted-foreground">
                  Pricing history ({line.history.length})
                </summary>
                {line.history.length === 0 ? (
                  <p className="mt-1 text-xs text-muted-foreground">No fee agreed on an earlier campaign.</p>
                ) : (
                  <ul className="mt-1 grid gap-0.5 text-xs">
                    {line.history.map((h) => (
                      <li key={h.id}>
                        {h.agreedAt.slice(0, 10)} · {h.campaignName ?? "Another campaign"} · {h.currency} {h.fee}
                      </li>
                    ))}
                  </ul>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
