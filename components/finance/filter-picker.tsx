"use client";

import { useEffect, useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FilterChoice } from "@/lib/domain/finance/view-types";

/**
 * A filter field for one of many records (campaigns, clients): type a few letters, pick a name from the list.
 * The chosen id goes in a hidden input named `name`. The names come from the JSON API (`source`, searched with
 * `q`) once the field is used, never all of them with the page: an agency has thousands. Without JavaScript the
 * current choice is kept and shown; choosing another needs the script.
 */
export function FilterPicker({
  id,
  label,
  name,
  all,
  source,
  selected,
  labelClassName,
}: {
  id: string;
  label: string;
  name: string;
  /** The placeholder: what an empty field means ("All campaigns"). */
  all: string;
  source: "/api/campaigns" | "/api/clients";
  selected: FilterChoice | null;
  /** The label's look where the form around it styles its labels its own way. */
  labelClassName?: string;
}) {
  const listId = useId();
  const [text, setText] = useState(selected?.name ?? "");
  const [options, setOptions] = useState<FilterChoice[]>(selected ? [selected] : []);
  // The id of the name typed or picked, once the list has it (names typed before their search answers match
  // when it does); the current choice stays chosen while its name is in the field.
  const value =
    options.find((o) => o.name === text.trim())?.id ?? (selected && text.trim() === selected.name ? selected.id : "");
  const [used, setUsed] = useState(false);

  useEffect(() => {
    if (!used) return;
    const controller = new AbortController();
    const q = text.trim();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${source}?take=20${q ? `&q=${encodeURIComponent(q)}` : ""}`, {
          headers: { accept: "application/json" },
          signal: controller.signal,
        });
        if (!response.ok) return;
        const body = (await response.json()) as { data: FilterChoice[] };
        setOptions(body.data.map((o) => ({ id: o.id, name: o.name })));
      } catch {
        // Aborted by the next keystroke, or offline: the list stays as it was.
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [used, text, source]);

  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className={labelClassName}>
        {label}
      </Label>
      <Input
        id={id}
        type="search"
        list={listId}
        value={text}
        placeholder={all}
        autoComplete="off"
        onFocus={() => setUsed(true)}
        onChange={(event) => {
          setUsed(true);
          setText(event.target.value);
        }}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
      <input type="hidden" name={name} value={value} />
    </div>
  );
}
