"use client";

import { useId, useState } from "react";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import { Markdown } from "./markdown";

/** The brief in markdown with Write / Preview tabs; the preview is rendered safely (no HTML from the text). */
export function BriefEditor({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const id = useId();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [text, setText] = useState(defaultValue ?? "");
  const tabButton = (key: "write" | "preview", label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-${key}-tab`}
      aria-selected={tab === key}
      aria-controls={`${id}-${key}`}
      tabIndex={tab === key ? 0 : -1}
      onClick={() => setTab(key)}
      onKeyDown={(e) => {
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          const next = tab === "write" ? "preview" : "write";
          setTab(next);
          document.getElementById(`${id}-${next}-tab`)?.focus();
        }
      }}
      className={cn(
        "rounded-md px-3 py-1 text-sm",
        tab === key ? "bg-background font-medium shadow-xs" : "text-muted-foreground",
      )}
    >
      {label}
    </button>
  );
  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor="brief" className="text-sm font-medium">
          Brief (markdown)
        </label>
        <div role="tablist" aria-label="Brief editor" className="inline-flex rounded-lg bg-muted p-1">
          {tabButton("write", "Write")}
          {tabButton("preview", "Preview")}
        </div>
      </div>
      <div role="tabpanel" id={`${id}-write`} aria-labelledby={`${id}-write-tab`} hidden={tab !== "write"}>
        <Textarea
          id="brief"
          name="brief"
          rows={12}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={
            "## Goal\nWhat the campaign must achieve.\n\n## Deliverables\n- 3 Instagram reels\n- 1 TikTok video"
          }
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "brief-error" : "brief-hint"}
          className="font-mono text-sm"
        />
      </div>
      <div
        role="tabpanel"
        id={`${id}-preview`}
        aria-labelledby={`${id}-preview-tab`}
        hidden={tab !== "preview"}
        className="min-h-40 rounded-md border p-4"
      >
        {text.trim() ? (
          <Markdown source={text} />
        ) : (
          <p className="text-sm text-muted-foreground">Nothing to preview yet.</p>
        )}
      </div>
      {error ? (
        <p id="brief-error" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : (
        <p id="brief-hint" className="text-xs text-muted-foreground">
          # headings, - lists, **bold**, *italic*, [links](https://…). Every saved change becomes a new revision.
        </p>
      )}
    </div>
  );
}
