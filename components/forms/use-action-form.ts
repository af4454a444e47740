"use client";

import { useState, useTransition, type FormEvent } from "react";
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
 * Submits a form through a server action, checking it first with the same zod schema the action uses.
 * Field errors (from either side) sit next to their fields; the first invalid field gets focus.
 */
export function useActionForm<T, I>(options: {
  schema?: ZodType;
  action: (input: I) => Promise<ActionResult<T>>;
  onSuccess?: (data: T) => void;
  transform?: (values: Record<string, unknown>) => Record<string, unknown>;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function show(form: HTMLFormElement, fields: FieldErrors, message: string | null) {
    setErrors(fields);
    setFormError(message);
    const first = Object.keys(fields)[0];
    const element = first ? form.querySelector<HTMLElement>(`[name="${first}"]`) : null;
    element?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    let values = formToObject(form);
    if (options.transform) values = options.transform(values);
    if (options.schema) {
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) {
        const fields: FieldErrors = {};
        for (const issue of parsed.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
        show(form, fields, null);
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
