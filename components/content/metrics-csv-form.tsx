"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { importMetricsCsvAction } from "@/lib/actions/content";

type ImportResult = {
  updated: number;
  failed: number;
  rows: { line: number; ok: boolean; errors: { field: string; message: string }[] }[];
};

/** Figures for many tasks at once from a CSV file (read in the browser; the text goes to the action). */
export function MetricsCsvForm({ campaignId }: { campaignId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [pending, startTransition] = useTransition();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("csv") as HTMLInputElement).files?.[0];
    if (!file) return setError("Choose a CSV file");
    if (file.size > 1024 * 1024) return setError("The file is larger than 1 MB");
    const csv = await file.text();
    startTransition(async () => {
      const outcome = await importMetricsCsvAction({ campaignId, csv });
      if (!outcome.ok) {
        setResult(null);
        return setError(outcome.error.fields?.file ?? outcome.error.fields?.csv ?? outcome.error.message);
      }
      setError(undefined);
      setResult(outcome.data as ImportResult);
      form.reset();
      router.refresh();
    });
  }

  return (
    <form method="post" onSubmit={submit} className="grid gap-2" aria-label="Import figures from CSV">
      <FormField
        id="metrics-csv"
        label="Figures CSV"
        error={error}
        hint="A header row, then one post per row: task_id, published_url, published_at, views, reach, likes, comments, shares, saves, clicks"
      >
        <Input type="file" name="csv" accept=".csv,text/csv" />
      </FormField>
      <Button type="submit" variant="outline" disabled={pending} className="justify-self-start">
        {pending ? "Importing…" : "Import figures"}
      </Button>
      {result ? (
        <Alert variant={result.failed ? "destructive" : "default"}>
          Updated {result.updated} task{result.updated === 1 ? "" : "s"}
          {result.failed ? `; ${result.failed} row${result.failed === 1 ? "" : "s"} not imported:` : "."}
          {result.failed ? (
            <ul className="mt-1 list-disc pl-5">
              {result.rows
                .filter((r) => !r.ok)
                .slice(0, 20)
                .map((r) => (
                  <li key={r.line}>
                    Line {r.line}: {r.errors.map((e) => e.message).join("; ")}
                  </li>
                ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </form>
  );
}
