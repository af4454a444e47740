"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { formToObject, issueFields } from "@/components/forms/use-action-form";
import type { FieldErrors } from "@/lib/errors";
import { CAMPAIGN_CURRENCIES, WIZARD_STEPS } from "@/lib/domain/campaigns/values";
import { createCampaignAction } from "@/lib/actions/campaigns";
import { BriefEditor } from "./brief-editor";
import { PlatformPicker } from "./platform-picker";

type Person = { id: string; name: string };
export type WizardOptions = {
  clients: (Person & { defaultCurrency: string })[];
  owners: Person[];
  directors: Person[];
  me: string;
};

const STEP_FIELDS: string[][] = [
  ["clientId", "name", "objective"],
  ["startDate", "endDate", "platforms", "plannedBudget", "currency"],
  ["ownerId", "directorId"],
  ["brief"],
];

/**
 * The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts);
 * null when the chunk cannot be loaded (the server action checks the input anyway).
 */
const loadSchemas = () => import("@/lib/domain/campaigns/schemas").catch(() => null);

/** The four-step "new campaign" wizard: each step is checked with its slice of the shared schema on Next. */
export function CampaignWizard({ options }: { options: WizardOptions }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [currency, setCurrency] = useState("EUR");
  const [pending, startTransition] = useTransition();
  const err = (name: string) => errors[name] ?? errors[`${name}.0`];

  function focusFirst(fields: FieldErrors) {
    const first = Object.keys(fields)[0]?.split(".")[0];
    requestAnimationFrame(() =>
      form.current?.querySelector<HTMLElement>(`#${first}, [data-field="${first}"] input`)?.focus(),
    );
  }

  useEffect(() => void loadSchemas(), []);

  async function check(target: number): Promise<boolean> {
    const parsed = (await loadSchemas())?.wizardSteps[target].schema.safeParse(formToObject(form.current!));
    if (!parsed || parsed.success) return true;
    const fields = issueFields(parsed.error.issues);
    setErrors(fields);
    focusFirst(fields);
    return false;
  }

  async function next() {
    if (!(await check(step))) return;
    setErrors({});
    setStep(step + 1);
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step < WIZARD_STEPS.length - 1) return next();
    const values = formToObject(event.currentTarget);
    const parsed = (await loadSchemas())?.createCampaignSchema.safeParse(values);
    const show = (fields: FieldErrors, message: string | null) => {
      setErrors(fields);
      setFormError(message);
      const first = Object.keys(fields)[0]?.split(".")[0];
      const at = STEP_FIELDS.findIndex((names) => names.includes(first));
      if (at >= 0) setStep(at);
      focusFirst(fields);
    };
    if (parsed && !parsed.success) return show(issueFields(parsed.error.issues), null);
    startTransition(async () => {
      const result = await createCampaignAction(values as never);
      if (result.ok) router.push(`/agency/campaigns/${result.data.id}`);
      else show(result.error.fields ?? {}, result.error.message);
    });
  }

  return (
    <form
      ref={form}
      method="post"
      onSubmit={submit}
      // A field's message goes away as soon as the field is changed.
      onChange={(e) => {
        const target = e.target as EventTarget as HTMLInputElement;
        const name = target.name || target.closest("[data-field]")?.getAttribute("data-field");
        if (name && (errors[name] || errors[`${name}.0`]))
          setErrors(Object.fromEntries(Object.entries(errors).filter(([key]) => key.split(".")[0] !== name)));
      }}
      noValidate
      className="grid gap-6"
    >
      <ol className="grid gap-2 sm:grid-cols-4" aria-label="Steps">
        {WIZARD_STEPS.map((s, i) => (
          <li
            key={s.key}
            aria-current={i === step ? "step" : undefined}
            className={`rounded-md border px-3 py-2 text-sm ${i === step ? "border-primary bg-primary/5 font-medium" : i < step ? "text-foreground" : "text-muted-foreground"}`}
          >
            <span className="mr-1 tabular-nums">{i + 1}.</span>
            {s.label}
          </li>
        ))}
      </ol>
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}

      <fieldset hidden={step !== 0} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Client and objective</legend>
        <FormField id="clientId" label="Client" error={err("clientId")}>
          <NativeSelect
            name="clientId"
            defaultValue=""
            onChange={(e) =>
              setCurrency(options.clients.find((c) => c.id === e.target.value)?.defaultCurrency ?? currency)
            }
          >
            <option value="">Choose a client…</option>
            {options.clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="name" label="Campaign name" error={err("name")}>
          <Input name="name" maxLength={160} />
        </FormField>
        <FormField
          id="objective"
          label="Objective"
          error={err("objective")}
          hint="What success looks like, in a sentence or two"
          className="sm:col-span-2"
        >
          <Textarea name="objective" rows={3} />
        </FormField>
      </fieldset>

      <fieldset hidden={step !== 1} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Dates, platforms and budget</legend>
        <FormField id="startDate" label="Start date" error={err("startDate")}>
          <Input name="startDate" type="date" />
        </FormField>
        <FormField id="endDate" label="End date" error={err("endDate")}>
          <Input name="endDate" type="date" />
        </FormField>
        <div className="sm:col-span-2" data-field="platforms">
          <PlatformPicker error={err("platforms")} />
        </div>
        <FormField id="plannedBudget" label="Planned budget" error={err("plannedBudget")} hint="e.g. 25000.00">
          <Input name="plannedBudget" inputMode="decimal" />
        </FormField>
        <FormField id="currency" label="Currency" error={err("currency")}>
          <NativeSelect name="currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {CAMPAIGN_CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </NativeSelect>
        </FormField>
      </fieldset>

      <fieldset hidden={step !== 2} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Team</legend>
        <FormField id="ownerId" label="Owner" error={err("ownerId")} hint="The campaign manager who runs it">
          <NativeSelect name="ownerId" defaultValue={options.me}>
            {options.owners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="directorId" label="Director" error={err("directorId")}>
          <NativeSelect name="directorId" defaultValue="">
            <option value="">— none yet —</option>
            {options.directors.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </fieldset>

      <fieldset hidden={step !== 3}>
        <legend className="sr-only">Brief</legend>
        <BriefEditor error={err("brief")} />
      </fieldset>

      <div className="flex flex-wrap gap-2">
        {step > 0 ? (
          <Button
            type="button"
            variant="outline"
            onClick={() => {
              setErrors({});
              setStep(step - 1);
            }}
          >
            Back
          </Button>
        ) : null}
        {step < WIZARD_STEPS.length - 1 ? (
          <Button key="next" type="button" onClick={next}>
            Next
          </Button>
        ) : (
          // A different key: the Next button is replaced, not turned into a submit button under the click.
          <Button key="submit" type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create campaign"}
          </Button>
        )}
        <Button asChild variant="ghost">
          <Link href="/agency/campaigns">Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
