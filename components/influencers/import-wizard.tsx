"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { IMPORT_CHUNK, IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/domain/influencers/values";
import type { ImportRow } from "@/lib/domain/influencers/import-csv";
import type { CommitRow, PreviewRow } from "@/lib/domain/influencers/import-influencers";
import { commitImportAction, previewImportAction } from "@/lib/actions/influencers";

const PREVIEW_CHUNK = 1000;
type Stage = "pick" | "previewing" | "preview" | "committing" | "done";

/** Upload → preview with row errors → commit in chunks with a progress bar → summary. */
export function ImportWizard() {
  const [stage, setStage] = useState<Stage>("pick");
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [preview, setPreview] = useState<PreviewRow[]>([]);
  const [done, setDone] = useState(0);
  const [results, setResults] = useState<CommitRow[]>([]);

  async function onFile(file: File | undefined) {
    setError(null);
    setPreview([]);
    setResults([]);
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES)
      return setError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it into smaller files`);
    let parsed: ImportRow[];
    try {
      // The parser and its row schema (zod) load when a file is picked, not with the page.
      const { parseInfluencerCsv } = await import("@/lib/domain/influencers/import-csv");
      parsed = parseInfluencerCsv(await file.text());
    } catch (e) {
      return setError(e instanceof Error ? e.message : "The file could not be read");
    }
    setRows(parsed);
    setStage("previewing");
    const all: PreviewRow[] = [];
    for (let i = 0; i < parsed.length; i += PREVIEW_CHUNK) {
      const result = await previewImportAction({ rows: parsed.slice(i, i + PREVIEW_CHUNK) });
      if (!result.ok) {
        setStage("pick");
        return setError(result.error.message);
      }
      all.push(...result.data.rows);
    }
    // Duplicates across chunks: the server sees one chunk at a time, so the page checks the whole file once more.
    const seen = new Map<string, number>();
    for (const row of all) {
      if (!row.ok) continue;
      const key = `${row.platform}:${row.handle}`;
      const first = seen.get(key);
      if (first !== undefined)
        Object.assign(row, {
          ok: false,
          errors: [
            { line: row.line, field: "handle", message: `@${row.handle} is already on line ${first} of this file` },
          ],
        });
      else seen.set(key, row.line);
    }
    setPreview(all);
    setStage("preview");
  }

  async function commit() {
    const valid = new Set(preview.filter((r) => r.ok).map((r) => r.line));
    const toWrite = rows.filter((r) => valid.has(r.line));
    setStage("committing");
    setDone(0);
    const out: CommitRow[] = [];
    for (let i = 0; i < toWrite.length; i += IMPORT_CHUNK) {
      const result = await commitImportAction({ rows: toWrite.slice(i, i + IMPORT_CHUNK) });
      if (!result.ok) {
        setError(`${result.error.message} (after ${out.filter((r) => r.ok).length} rows were imported)`);
        break;
      }
      out.push(...result.data.rows);
      setDone(Math.min(toWrite.length, i + IMPORT_CHUNK));
      setResults([...out]);
    }
    setStage("done");
  }

  const invalid = preview.filter((r) => !r.ok);
  const validCount = preview.length - invalid.length;
  const total = preview.filter((r) => r.ok).length;
  const percent = total ? Math.round((done / total) * 100) : 100;
  const created = results.filter((r) => r.ok).length;
  const failed = results.filter((r) => !r.ok);

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>1. Choose a CSV file</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <p className="text-muted-foreground">
            Header row with the columns <code>{IMPORT_COLUMNS.join(", ")}</code> (the first three are required). Lists
            (languages, niches) are separated by semicolons. At most {IMPORT_MAX_BYTES / 1024 / 1024} MB and{" "}
            {IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows.
          </p>
          <label className="grid gap-1">
            <span className="font-medium">CSV file</span>
            <input
              type="file"
              accept=".csv,text/csv"
              disabled={stage === "previewing" || stage === "committing"}
              onChange={(e) => void onFile(e.target.files?.[0])}
              className="text-sm file:mr-3 file:rounded-md file:border file:bg-secondary file:px-3 file:py-1.5"
            />
          </label>
          {error ? <Alert variant="destructive">{error}</Alert> : null}
          {stage === "previewing" ? <p role="status">Checking every row…</p> : null}
        </CardContent>
      </Card>

      {preview.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>2. Preview</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <p role="status">
              {validCount} of {preview.length} rows are ready to import; {invalid.length}{" "}
              {invalid.length === 1 ? "row has" : "rows have"} errors and will be skipped.
            </p>
            {invalid.length > 0 ? (
              <div className="max-h-80 overflow-auto rounded-md border">
                <Table aria-label="Row errors">
                  <TableHeader>
                    <TableRow>
                      <TableHead>Line</TableHead>
                      <TableHead>Row</TableHead>
                      <TableHead>Field</TableHead>
                      <TableHead>Problem</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {invalid.slice(0, 500).flatMap((row) =>
                      row.errors.map((e) => (
                        <TableRow key={`${row.line}-${e.field}`}>
                          <TableCell className="tabular-nums">{row.line}</TableCell>
                          <TableCell>{row.displayName || "—"}</TableCell>
                          <TableCell>{e.field}</TableCell>
                          <TableCell>{e.message}</TableCell>
                        </TableRow>
                      )),
                    )}
                  </TableBody>
                </Table>
              </div>
            ) : null}
            {stage === "preview" ? (
              <div>
                <Button onClick={() => void commit()} disabled={validCount === 0}>
                  Import {validCount} {validCount === 1 ? "influencer" : "influencers"}
                </Button>
              </div>
            ) : null}
          </CardContent>
        </Card>
      ) : null}

      {stage === "committing" || stage === "done" ? (
        <Card>
          <CardHeader>
            <CardTitle>3. Import</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <div
              role="progressbar"
              aria-label="Import progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-3 w-full overflow-hidden rounded-full bg-secondary"
            >
              <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <p aria-live="polite">
              {percent}% — {done} of {total} rows processed
            </p>
            {stage === "done" ? (
              <div className="grid gap-2" role="status">
                <p className="font-medium">
                  Imported {created} {created === 1 ? "influencer" : "influencers"}
                  {failed.length ? `; ${failed.length} failed` : ""}.
                </p>
                {failed.length ? (
                  <ul className="list-disc pl-5 text-destructive">
                    {failed.slice(0, 100).map((r) => (
                      <li key={r.line}>
                        Line {r.line}: {r.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <Link href="/agency/influencers?sort=updated" className="underline">
                  See the directory
                </Link>
              </div>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
