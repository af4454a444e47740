"use client";

import { useEffect, useState, useTransition, type FormEvent } from "react";
import type { ZodType } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import type { FieldErrors } from "@/lib/errors";

/**
 * FormData → plain object: repeated names become arrays, checkboxes (value "on") become true/false, and number
 * inputs (`type="number"`, also the hidden `version` a form sends back) become numbers, empty → null. The
 * schemas take numbers as numbers (no coercion, as for a JSON body): a form turns its text into numbers here.
 */
export function formToObject(form: HTMLFormElement): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement) || !element.name) continue;
    if (element.type === "checkbox") data[element.name] = element.checked;
    else if (element.type === "number" && !element.disabled)
      data[element.name] = element.value.trim() === "" ? null : Number(element.value);
  }
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value !== "string") continue;
    const input = form.elements.namedItem(key);
    if (input instanceof HTMLInputElement && (input.type === "checkbox" || input.type === "number")) continue;
    data[key] = key in data ? ([] as unknown[]).concat(data[key], value) : value;
  }
  return data;
}

/**
 * The form's zod schema, loaded on demand: `() => import("@/lib/domain/x/schemas").then((m) => m.xSchema)`. A
 * dynamic import puts the schemas and zod in a chunk of their own, fetched after the page has loaded instead of in
 * its first-load JavaScript (issue 14, `npm run bench:js`); the module is cached, so it loads once per page.
 */
export type SchemaLoader = () => Promise<ZodType>;

/** The schema, or undefined when its chunk cannot be loaded (the server action checks the input anyway). */
export async function loadSchema(schema: ZodType | SchemaLoader | undefined): Promise<ZodType | undefined> {
  if (typeof schema !== "function") return schema;
  try {
    return await schema();
  } catch {
    return undefined;
  }
}

/** zod's issues → one message per field ("lines.0.amount"), the first one of each. */
export function issueFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) fields[issue.path.map(String).join(".") || "_"] ??= issue.message;
  return fields;
}

/**
 * Submits a form through a server action, checking it first with the same zod schema the action uses (given as a
 * SchemaLoader, whose chunk starts loading when the form mounts). Field errors (from either side) sit next to their
 * fields; the first invalid field gets focus.
 */
export function useActionForm<T, I>(options: {
  schema?: ZodType | SchemaLoader;
  action: (input: I) => Promise<ActionResult<T>>;
  onSuccess?: (data: T) => void;
  transform?: (values: Record<string, unknown>) => Record<string, unknown>;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { schema } = options;

  // Fetch the schema's chunk once the page is up, so that the first submit does not wait for it.
  useEffect(() => {
    void loadSchema(schema);
    // Once per form: a new loader function each render must not load again (the module is cached anyway).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function show(form: HTMLFormElement, fields: FieldErrors, message: string | null) {
    setErrors(fields);
    setFormError(message);
    const first = Object.keys(fields)[0];
    const element = first ? form.querySelector<HTMLElement>(`[name="${first}"]`) : null;
    element?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    let values = formToObject(form);
    if (options.transform) values = options.transform(values);
    const loaded = await loadSchema(options.schema);
    if (loaded) {
      const parsed = loaded.safeParse(values);
      if (!parsed.success) {
        show(form, issueFields(parsed.error.issues), null);
        return;
      }
    }
    startTransition(async () => {
      try {
        const result = await options.action(values as I);
        if (result.ok) {
          setErrors({});
          setFormError(null);
          options.onSuccess?.(result.data);
        } else {
          show(form, result.error.fields ?? {}, result.error.message);
        }
      } catch {
        show(form, {}, "Something went wrong. Check your connection and try again.");
      }
    });
  }

  return { errors, formError, pending, submit, setFormError };
}
