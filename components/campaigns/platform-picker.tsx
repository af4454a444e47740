"use client";

import { useState } from "react";
import { PLATFORMS } from "@/lib/domain/enums";
import { PLATFORM_LABELS as LABEL } from "@/lib/domain/campaigns/values";

/** Checkboxes for the platforms, sent as one comma-separated `platforms` field. */
export function PlatformPicker({ defaultValue = [], error }: { defaultValue?: string[]; error?: string }) {
  const [selected, setSelected] = useState<string[]>(defaultValue);
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? "platforms-error" : undefined}>
      <legend className="mb-1 text-sm font-medium">Platforms</legend>
      <input type="hidden" name="platforms" value={selected.join(",")} />
      <div className="flex flex-wrap gap-2">
        {PLATFORMS.map((p) => (
          <label
            key={p}
            className="inline-flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5"
          >
            <input
              type="checkbox"
              checked={selected.includes(p)}
              onChange={(e) => setSelected((now) => (e.target.checked ? [...now, p] : now.filter((x) => x !== p)))}
              data-platform={p}
            />
            {LABEL[p]}
          </label>
        ))}
      </div>
      {error ? (
        <p id="platforms-error" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
